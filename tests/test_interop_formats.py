"""Exact values on specific rows of the real samples, per format."""

from __future__ import annotations

import io
import warnings
from typing import Any

import attrs
import pytest

from geoevents.actors import ActorKind
from geoevents.errors import GeoeventsWarning
from geoevents.figures import Count
from geoevents.interop import (
    Imported,
    InteropError,
    LossKind,
    read_acled,
    read_gdelt1,
    read_gdelt2,
    read_icews,
    read_plover,
    read_ucdp,
    write_acled,
    write_gdelt2,
)
from geoevents.interop.ucdp import COLUMNS as UCDP_COLUMNS
from geoevents.interop.ucdp import write_ucdp
from geoevents.location import SpatialPrecision
from geoevents.records import Clash, Event, PloverType
from geoevents.temporal import DatingMethod, FuzzyDate
from interop_samples import ACLED, GDELT1, GDELT2, ICEWS, PLOVER, UCDP, need


def _by_id(items: list[Imported]) -> dict[str, Any]:
    return {i.record.id: i for i in items if i.record is not None}


class TestGdelt:
    def test_fips_codes_arrive_as_iso(self) -> None:
        """FIPS TU, GM, SY and IS become TR, DE, SY and IL."""
        pairs = set()
        for reader, path, column in ((read_gdelt1, GDELT1, 51), (read_gdelt2, GDELT2, 53)):
            raw = [line.split("\t")[column] for line in path.read_text().splitlines()]
            for item in reader(path):
                record: Any = item.record
                country = record.location.country if record.location else None
                if country is not None:
                    pairs.add((raw[item.line - 1], country.alpha2))
        for fips, iso in (("TU", "TR"), ("GM", "DE"), ("SY", "SY"), ("IS", "IL")):
            assert (fips, iso) in pairs

    def test_byte_order_mark(self) -> None:
        """A BOM before the first row is skipped, so its event id stays intact."""
        data = GDELT2.read_bytes()
        plain = [i.record for i in read_gdelt2(io.BytesIO(data))]
        reader = read_gdelt2(io.BytesIO(b"\xef\xbb\xbf" + data))
        assert [i.record for i in reader] == plain
        assert reader.errors == []

    def test_back_to_fips_on_export(self) -> None:
        """A record with an ISO country is written with its FIPS code."""
        items = list(read_gdelt2(GDELT2))
        records = [i.record for i in items]
        out = io.StringIO()
        report = write_gdelt2(out, records)
        assert report.written == 40
        original = GDELT2.read_text().splitlines()
        written = out.getvalue().splitlines()
        assert [r.split("\t")[53] for r in written] == [r.split("\t")[53] for r in original]

    def test_first_row(self) -> None:
        """The first GDELT 2.0 row: CAMEO string, inferred date, source URL."""
        item: Any = next(read_gdelt2(GDELT2))
        r = item.record
        assert r.id == "gdelt:1256322770"
        assert r.cameo == "080"
        assert r.plover is PloverType.CONCEDE
        assert str(r.when.date) == "2024-08-07"
        assert r.when.method is DatingMethod.IMPORTED
        assert "inferred" in (r.when.rule or "")
        assert item.sources[0].url.startswith("https://theweek.com/")
        assert item.residual["DATEADDED"] == "20250807220000"
        assert item.residual["GoldsteinScale"] == "5.0"

    def test_ragged_gdelt1_rows_keep_their_width(self) -> None:
        """A 57-column back-file row cites the dataset and is written with 57 columns."""
        items = [i for i in read_gdelt1(GDELT1) if i.record and i.record.sources == ("gdelt",)]
        assert len(items) == 201
        out = io.StringIO()
        from geoevents.interop import write_gdelt1

        write_gdelt1(out, items[:1])
        assert out.getvalue().count("\t") == 56

    def test_bad_rows_are_reported_and_good_rows_kept(self) -> None:
        """A short row and a bad date are reported with file:line; the good row is kept."""
        good = GDELT2.read_text().splitlines()[0]
        bad_date = good.replace("\t20240807\t", "\t2024080X\t", 1)
        text = "\n".join(["a\tb", good, bad_date]) + "\n"
        reader = read_gdelt2(io.StringIO(text))
        assert len(list(reader)) == 1
        assert [(e.line, e.path) for e in reader.errors] == [(1, "$"), (3, "$.SQLDATE")]
        assert str(reader.errors[0]).startswith("<stream>:1: $: 2 fields, expected 61")

    def test_strict_mode_raises_on_the_first_loss(self) -> None:
        """With strict=True a dropped column is an InteropError naming file, line, column."""
        with pytest.raises(InteropError) as info:
            next(read_gdelt2(GDELT2, strict=True))
        assert info.value.line == 1
        assert info.value.path == "$.Actor1Code"
        assert str(info.value).startswith(f"{GDELT2}:1: $.Actor1Code: dropped")

    def test_strict_mode_raises_on_a_bad_row(self) -> None:
        """With strict=True a bad row raises instead of being collected."""
        with pytest.raises(InteropError, match="fields, expected 61"):
            list(read_gdelt2(io.StringIO("x\n"), strict=True))


class TestAcled:
    def test_row_values(self) -> None:
        """ARG10607: iso 32 is AR, precision 1 is the day, outlets become sources."""
        items = _by_id(list(read_acled(need(ACLED))))
        item = items["acled:ARG10607"]
        r: Any = item.record
        assert type(item.record) is Event
        assert r.location.country.alpha2 == "AR"
        assert r.location.precision is SpatialPrecision.EXACT
        assert (r.location.latitude, r.location.longitude) == (-45.8644, -67.4997)
        assert str(r.when.date) == "2022-06-30"
        assert [s.outlet for s in item.sources] == [
            "Diario El Chubut",
            "Diario Cronica (Argentina)",
        ]
        assert r.actors[0].actor.name == "Protesters (Argentina)"
        assert item.residual["inter1"] == "6"

    def test_week_precision_is_an_approximated_interval(self) -> None:
        """time_precision 2 becomes event_date ±3 days and is reported as approximated."""
        items: list[Any] = list(read_acled(need(ACLED)))
        week = [i for i in items if i.record.when.date.is_interval]
        assert len(week) == 14
        date = week[0].record.when.date
        assert date.span_days == 7
        loss = next(x for x in week[0].losses if x.field == "event_date")
        assert loss.kind is LossKind.APPROXIMATED

    def test_write_from_records_reports_losses(self) -> None:
        """Records without their residual lose ACLED-only columns and say which fields."""
        items: list[Any] = list(read_acled(need(ACLED)))
        out = io.StringIO()
        report = write_acled(out, [i.record for i in items[:3]])
        assert report.written == 3
        assert {loss.field for _, losses in report.losses for loss in losses} >= {"$.summary"}

    def test_strict_write_raises(self) -> None:
        """Writing a record ACLED cannot hold exactly raises in strict mode."""
        record: Any = next(iter(read_acled(need(ACLED)))).record
        with pytest.raises(InteropError, match="strict mode"):
            write_acled(io.StringIO(), [record], strict=True)


class TestUcdp:
    def test_counts_and_warning(self) -> None:
        """best/low/high become a Count; low > best warns and keeps best only."""
        with pytest.warns(GeoeventsWarning, match="break low <= best <= high"):
            items = _by_id(list(read_ucdp(need(UCDP))))
        first = items["ucdp:300380"].record
        assert isinstance(first, Clash)
        assert first.fatalities == Count(low=2, best=2, high=2)
        assert [s.name for s in first.sides] == ["Government of Syria", "Syrian insurgents"]
        broken = [
            i
            for i in items.values()
            if any(x.field == "low" and x.kind is LossKind.APPROXIMATED for x in i.losses)
        ]
        assert len(broken) == 12
        assert broken[0].record.fatalities.low is None

    def test_dates_and_precision(self) -> None:
        """ANG-1989 row: a date_prec 3 interval and where_prec 4 (ADM1)."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", GeoeventsWarning)
            items = _by_id(list(read_ucdp(need(UCDP))))
        r = items["ucdp:21300"].record
        assert r.when.date == FuzzyDate("1989-05-10/1989-05-16")
        assert "date_prec 3" in (r.when.rule or "")
        assert r.location.precision is SpatialPrecision.ADMIN1
        assert r.location.country.alpha2 == "AO"
        assert items["ucdp:21300"].residual["relid"] == "ANG-1989-1-7-62.3"

    def test_countries_by_gleditsch_ward_number(self) -> None:
        """country_id and the name agree on every row; governments carry their country."""
        import csv

        from geoevents import normalize_country

        with open(need(UCDP), encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        for row in rows:
            by_number = normalize_country(row["country_id"], system="gw")
            assert normalize_country(row["country"]) == by_number, row["country"]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", GeoeventsWarning)
            items = _by_id(list(read_ucdp(need(UCDP))))
        columns = {"country", "country_id", "gwnoa", "gwnob"}
        assert [loss for i in items.values() for loss in i.losses if loss.field in columns] == []
        war = items["ucdp:300380"].record
        assert war.location.country.alpha2 == "SY"
        government, insurgents = war.sides
        assert (government.kind, government.country.alpha2) == (ActorKind.GOVERNMENT, "SY")
        assert (insurgents.kind, insurgents.country) == (ActorKind.ORGANISATION, None)
        serbia = [
            i
            for i in items.values()
            if i.record.location is not None and i.record.location.country.alpha2 == "RS"
        ]
        assert len(serbia) == 6  # "Serbia (Yugoslavia)", 345: written back as UCDP has it
        assert [i.residual.get("country_id") for i in serbia] == [None] * 6

    def test_a_name_ambiguous_elsewhere(self) -> None:
        """Congo (Brazzaville) by its number; a state that split is a reported loss."""
        header = ",".join(UCDP_COLUMNS)
        base = dict.fromkeys(UCDP_COLUMNS, "") | {
            "id": "1",
            "type_of_violence": "1",
            "side_a": "Government of Congo",
            "gwnoa": "484",
            "side_b": "Ninjas",
            "date_start": "1999-01-03",
            "date_end": "1999-01-03",
            "best": "4",
        }
        congo = base | {"country": "Congo", "country_id": "484"}
        split = base | {"id": "2", "country": "Czechoslovakia", "country_id": "315", "gwnoa": ""}
        text = header + "".join("\n" + ",".join(r.values()) for r in (congo, split)) + "\n"
        first: Any
        second: Any
        first, second = read_ucdp(io.StringIO(text))
        assert first.record is not None
        assert second.record is not None
        assert first.record.location.country.alpha2 == "CG"
        assert first.record.sides[0].country.alpha2 == "CG"
        assert second.record.location is None
        assert [(x.field, x.message) for x in second.losses if x.field.startswith("country")] == [
            ("country_id", "UCDP country_id '315' is ambiguous"),
            ("country", "UCDP country 'Czechoslovakia' is ambiguous"),
        ]
        out = io.StringIO()
        write_ucdp(out, [first])
        assert out.getvalue().splitlines()[1] == ",".join(congo.values())

    def test_own_names_without_numbers(self) -> None:
        """UCDP's own spellings read without country_id, and are what the writer writes."""
        from geoevents import Attribution, Country, FuzzyDate, Location

        header = ",".join(UCDP_COLUMNS)
        base = dict.fromkeys(UCDP_COLUMNS, "") | {
            "type_of_violence": "3",
            "side_a": "X",
            "date_start": "1999-01-03",
            "date_end": "1999-01-03",
        }
        names = ["Congo", "United States of America", "Kingdom of eSwatini (Swaziland)"]
        rows = [base | {"id": str(i), "country": name} for i, name in enumerate(names)]
        text = header + "".join("\n" + ",".join(r.values()) for r in rows) + "\n"
        items: list[Any] = list(read_ucdp(io.StringIO(text)))
        found = [i.record.location.country.alpha2 for i in items]
        assert found == ["CG", "US", "SZ"]
        record = Event(
            id="e1",
            when=FuzzyDate("2001-10-07"),
            summary="x",
            attributions=[Attribution(source="s")],
            location=Location(country=Country("US")),
        )
        korea = attrs.evolve(record, id="e2", location=Location(country=Country("KP")))
        out = io.StringIO()
        write_ucdp(out, [record, korea])
        lines = out.getvalue().splitlines()[1:]
        written = [dict(zip(UCDP_COLUMNS, line.split(","), strict=True)) for line in lines]
        assert [(w["country"], w["country_id"]) for w in written] == [
            ("United States of America", "2"),
            ("North Korea", "731"),
        ]


class TestIcews:
    def test_row_values(self) -> None:
        """The first ICEWS row: id with date, CAMEO 040, countries normalized."""
        item: Any = next(read_icews(need(ICEWS)))
        r = item.record
        assert r.id == "icews:32889836:2018-06-01"
        assert r.cameo == "040"
        assert r.plover is PloverType.CONSULT
        assert r.actors[0].actor.country.alpha2 == "BD"
        assert r.location.country.alpha2 == "VN"
        assert item.sources[0].outlet == "Vietnam News Agency Bulletin"

    def test_every_country_name_resolves(self) -> None:
        """ICEWS' own names, Guinea and Congo (Brazzaville) included, all become countries."""
        items: list[Any] = [i for i in read_icews(need(ICEWS)) if i.record is not None]
        by_id = {i.record.id: i.record for i in items}
        assert all(
            i.record.location is None or i.record.location.country is not None for i in items
        )
        assert not [loss for i in items for loss in i.losses if loss.field.endswith("Country")]
        guinea = by_id["icews:32891590:2018-06-01"]
        assert guinea.location.country.alpha2 == "GN"
        assert [p.actor.country.alpha2 for p in guinea.actors] == ["GN", "GN"]
        congo = next(r for r in by_id.values() if r.location and r.location.name == "Brazzaville")
        assert congo.location.country.alpha2 == "CG"


class TestPlover:
    def test_document_and_migration(self) -> None:
        """The DOCUMENT header is kept as a non-event; DEMAND becomes REQUEST."""
        reader = read_plover(PLOVER)
        items: list[Any] = list(reader)
        assert items[0].record is None
        assert reader.converted == 322
        demand = next(i for i in items if i.record and i.residual.get("event") == "DEMAND")
        assert demand.record.plover is PloverType.REQUEST

    def test_jsonl_input(self) -> None:
        """JSON Lines input streams, and a malformed line is reported."""
        text = '{"id": "a", "date": "2000-01-01", "event": "AGREE"}\nnot json\n[1]\n'
        reader = read_plover(io.StringIO(text))
        assert [i.record.id for i in reader if i.record] == ["plover:a"]
        assert [e.line for e in reader.errors] == [2, 3]


class TestAcledKinds:
    def test_records_from_elsewhere_keep_their_kind(self) -> None:
        """A clash or an air strike built by hand is written with ACLED's event type."""
        import io

        from geoevents import (
            Actor,
            ActorKind,
            Attribution,
            Clash,
            Country,
            FuzzyDate,
            Strike,
            Weapon,
        )
        from geoevents.interop import read_acled, write_acled

        side = Actor(kind=ActorKind.ARMED_GROUP, name="Druze militias", country=Country("SY"))
        day, cite = FuzzyDate("2025-07-14"), (Attribution(source="s"),)
        clash = Clash(id="c1", when=day, summary="x", attributions=cite, sides=(side, side))
        strike = Strike(
            id="s1", when=day, summary="x", attributions=cite, weapon=Weapon.AIR, perpetrator=side
        )
        out = io.StringIO()
        write_acled(out, [clash, strike])
        rows = list(read_acled(io.StringIO(out.getvalue())))
        assert [getattr(r.record, "kind", None) for r in rows] == ["clash", "strike"]
        assert "Battles,Armed clash" in out.getvalue()
        assert "Explosions/Remote violence,Air/drone strike" in out.getvalue()
