"""Package data: country code tables, the alias table and precomputed exonyms."""
