"""Run the command-line tool: ``python -m geoevents``."""

from geoevents.cli import main

raise SystemExit(main())
