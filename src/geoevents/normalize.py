"""Turn loose country references (names, codes, demonyms, old names) into a :class:`Country`.

Sources name countries in many ways: ISO names before and after renames (Turkey,
Türkiye), endonyms and exonyms in any script, demonyms, abbreviations, historic names and
codes of other systems (FIPS 10-4 in GDELT, IOC, Gleditsch-Ward numbers in UCDP).
:func:`normalize_country` resolves them without ever guessing: an ambiguous input raises
:class:`AmbiguousCountryError`, an unknown one :class:`UnknownCountryError` with
suggestions.

The index is built lazily from three package data files, highest priority first:

1. ``data/country_aliases.tsv``: the curated alias table (hand-written, with a source
   column), including ambiguous aliases (``CD|CG``) and known non-countries (``-``);
2. ``data/country_codes.tsv``: ISO short, official and common names;
3. ``data/country_names.tsv``: exonyms from the iso-codes gettext translations in every
   locale pycountry ships, precomputed by ``tools/generate_country_names.py`` (loaded only
   when the first two miss).

Union names with several successors (Soviet Union, Yugoslavia, Czechoslovakia) raise
:class:`AmbiguousCountryError` listing the successors, the continuator state first.
"""

from __future__ import annotations

import os
import re
import threading
import unicodedata
from typing import Final, Literal, NamedTuple

from geoevents.country import Country, _load, _numeric_code
from geoevents.errors import AmbiguousCountryError, UnknownCountryError

__all__ = ["System", "normalize_country"]

System = Literal["alpha2", "alpha3", "numeric", "fips", "ioc", "gw"]
"""The code systems :func:`normalize_country` accepts through ``system=``."""

_DATA = os.path.join(os.path.dirname(__file__), "data")
_MAX_LEN = 100  # the longest official name is about 60 characters
_CACHE_MAX = 50_000

# Characters removed from keys (dots, apostrophes, zero-width marks) or turned into spaces
# (other punctuation, control characters).
# Punctuation, and invisible marks: zero-width, soft hyphen, and the direction marks and
# isolates of right-to-left text (LRM, RLM, ALM, U+202A-E, U+2066-9).
_MARKS = (
    "\u200b\u200c\u200d\u2060\ufeff\u00ad"
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_DELETE = ".'’‘`´ʼ" + _MARKS
_INVISIBLE: Final[dict[int, str | None]] = dict.fromkeys(map(ord, _MARKS))
_GW_NUMBER: Final = re.compile(r"0*([0-9]{1,4})(?:\.0*)?")
_SPACE = '-‐‑‒–—―_,;:/\\()[]{}|+*!?"“”„«»<>=#@~%^$§'
_KEY_TABLE: dict[int, str | None] = dict.fromkeys(map(ord, _DELETE))
_KEY_TABLE.update(dict.fromkeys(map(ord, _SPACE), " "))
_KEY_TABLE.update(dict.fromkeys([*range(32), *range(127, 160)], " "))
_KEY_TABLE[ord("&")] = " and "
_TOKENS = {"st": "saint", "ste": "sainte", "mt": "mount", "is": "islands", "isl": "islands"}

# The loose key also drops accents (combining marks, Arabic harakat) and spaces.
_LOOSE_TABLE: dict[int, str | None] = dict.fromkeys(range(0x300, 0x370))
_LOOSE_TABLE.update(dict.fromkeys([*range(0x64B, 0x660), 0x670, 0x640, 0x20]))
_LOOSE_TABLE.update(
    {
        ord(k): v
        for k, v in {
            "ø": "o",
            "æ": "ae",
            "œ": "oe",
            "ł": "l",
            "đ": "d",
            "ð": "d",
            "þ": "th",
            "ı": "i",
            "ħ": "h",
            "ŀ": "l",
        }.items()
    }
)

_NOISE_PREFIXES = tuple(
    p + " "
    for p in (
        "the",
        "republic of",
        "kingdom of",
        "state of",
        "commonwealth of",
        "principality of",
        "grand duchy of",
        "sultanate of",
        "emirate of",
        "federal republic of",
        "federation of",
        "union of",
        "islamic republic of",
        "arab republic of",
        "hashemite kingdom of",
        "independent state of",
        "socialist republic of",
        "plurinational state of",
        "bolivarian republic of",
        "united republic of",
        "peoples republic of",
        "country of",
        "nation of",
    )
)
_NOISE_SUFFIXES = (" country", " state", " nation")


def _exact_key(text: str) -> str:
    """Fold case, punctuation and whitespace; keep accents.

    >>> _exact_key("  TÜRKİYE ")
    'türkiye'
    >>> _exact_key("St. Kitts & Nevis")
    'saint kitts and nevis'
    """
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    text = text.casefold()
    if "\u0307" in text:
        text = text.replace("i\u0307", "i")
    parts = text.translate(_KEY_TABLE).split()
    for i, part in enumerate(parts):
        if part in _TOKENS:
            parts[i] = _TOKENS[part]
    return " ".join(parts)


def _loose_key(key: str) -> str:
    """Drop accents and spaces from an exact key.

    >>> _loose_key("côte d ivoire")
    'cotedivoire'
    """
    if not key.isascii():
        return unicodedata.normalize(
            "NFC", unicodedata.normalize("NFD", key).translate(_LOOSE_TABLE)
        )
    return key.replace(" ", "")


class _Index(NamedTuple):
    """Keys to candidate alpha-2 codes.

    One code resolves, several are ambiguous, none marks a known non-country.
    """

    exact: dict[str, tuple[str, ...]]
    loose: dict[str, tuple[str, ...]]
    demonyms: frozenset[str]
    display: dict[str, str]  # loose key -> a readable name, for suggestions


class _Failure(NamedTuple):
    """A cached failed lookup, raised afresh on every call."""

    message: str
    candidates: tuple[str, ...]  # ambiguous when non-empty
    suggestions: tuple[str, ...]
    hint: str | None


_LOCK = threading.Lock()
_BASE: _Index | None = None
_TRANSLATED: _Index | None = None
_DELETES: dict[str, list[tuple[str, int]]] | None = None
_SYSTEMS: dict[str, dict[str, str]] = {}
_CACHES: dict[tuple[str | None, bool], dict[str, Country | _Failure]] = {}


def _add(
    exact: dict[str, tuple[str, ...]],
    loose: dict[str, tuple[str, ...]],
    conflicts: set[str],
    level: dict[str, tuple[str, ...]],
) -> None:
    """Merge one priority level into the index; earlier levels win, loose clashes drop."""
    level_loose: dict[str, tuple[str, ...]] = {}
    for key, codes in level.items():
        exact.setdefault(key, codes)
        lkey = _loose_key(key)
        if level_loose.setdefault(lkey, codes) != codes:
            conflicts.add(lkey)
    for lkey, codes in level_loose.items():
        if lkey not in conflicts:
            loose.setdefault(lkey, codes)


def _read(name: str) -> str:
    """Read a package data file (plain file access: importlib.resources costs ~20 ms)."""
    with open(os.path.join(_DATA, name), encoding="utf-8") as f:
        return f.read()


def _base() -> _Index:
    """Build the index of curated aliases and ISO names (thread-safe, once)."""
    global _BASE  # noqa: PLW0603 - a lazily built module cache
    if _BASE is not None:
        return _BASE
    with _LOCK:
        if _BASE is None:
            curated: dict[str, tuple[str, ...]] = {}
            display: dict[str, str] = {}
            demonyms: set[str] = set()
            for line in _read("country_aliases.tsv").splitlines()[1:]:
                if not line or line.startswith("#"):
                    continue
                alias, codes, category, *_ = line.split("\t")
                key = _exact_key(alias)
                curated[key] = () if codes == "-" else tuple(codes.split("|"))
                if category == "demonym":
                    demonyms.add(key)
                elif codes != "-":
                    display.setdefault(_loose_key(key), alias)
            iso: dict[str, tuple[str, ...]] = {}
            for row in _load().rows.values():
                for name in (row.name, row.official_name, row.common_name):
                    if name:
                        head, comma, tail = name.partition(", ")
                        for form in (name, f"{tail} {head}") if comma else (name,):
                            key = _exact_key(form)
                            iso.setdefault(key, (row.alpha2,))
                            display.setdefault(_loose_key(key), form)
            exact: dict[str, tuple[str, ...]] = {}
            loose: dict[str, tuple[str, ...]] = {}
            conflicts: set[str] = set()
            _add(exact, loose, conflicts, curated)
            _add(exact, loose, conflicts, iso)
            _BASE = _Index(exact, loose, frozenset(demonyms), display)
        return _BASE


def _translated() -> _Index:
    """Load the precomputed gettext exonyms (thread-safe, once)."""
    global _TRANSLATED  # noqa: PLW0603 - a lazily built module cache
    if _TRANSLATED is not None:
        return _TRANSLATED
    with _LOCK:
        if _TRANSLATED is None:
            single: dict[str, tuple[str, ...]] = {a2: (a2,) for a2 in _load().rows}
            text = _read("country_names.tsv")
            flat = text[text.index("\n") + 1 :].rstrip("\n").replace("\n", "\t").split("\t")
            codes = list(map(single.__getitem__, flat[2::4]))
            exact = dict(zip(flat[0::4], codes, strict=True))
            # The generator blanks loose keys that clash between locales.
            loose = dict(zip(flat[1::4], codes, strict=True))
            loose.pop("", None)
            _TRANSLATED = _Index(exact, loose, frozenset(), {})
        return _TRANSLATED


def _deletes() -> dict[str, list[tuple[str, int]]]:
    """Map every key, and every key with one character deleted, to (key, position)."""
    global _DELETES  # noqa: PLW0603 - a lazily built module cache
    if _DELETES is not None:
        return _DELETES
    base = _base()
    with _LOCK:
        if _DELETES is None:
            index: dict[str, list[tuple[str, int]]] = {}
            for lkey in base.loose:
                if 3 <= len(lkey) <= 40:  # "usa", "rsa": rivals of a misspelling too
                    index.setdefault(lkey, []).append((lkey, -1))
                    for j in range(len(lkey)):
                        index.setdefault(lkey[:j] + lkey[j + 1 :], []).append((lkey, j))
            _DELETES = index
        return _DELETES


# Gleditsch-Ward numbers that no one ISO country continues: Czechoslovakia, split in two,
# and breakaway regions that ISO does not list.
_GW_SPLIT: Final = {"315": ("CZ", "SK")}
_GW_NO_ISO: Final = {
    "396": "Abkhazia, a breakaway region of GE",
    "397": "South Ossetia, a breakaway region of GE",
}
# Full-width ASCII (U+FF01-FF5E) and the ideographic space, as their ASCII forms.
_FULL_WIDTH: Final = {0xFF01 + i: chr(0x21 + i) for i in range(94)} | {0x3000: " "}
# Words that change what a name means, in a note or before it ("Sudan (South)").
_QUALIFIERS: Final = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western"}
    | {"central", "upper", "lower", "new"}
)
# With their articles, for messages: "not an ISO alpha-2 code".
_SYSTEM_NAMES: Final = {
    "alpha2": "an ISO alpha-2",
    "alpha3": "an ISO alpha-3",
    "numeric": "an ISO numeric",
    "fips": "a FIPS 10-4",
    "ioc": "an IOC",
    "gw": "a Gleditsch-Ward",
}


def _system_table(system: str) -> dict[str, str]:
    """Return the code -> alpha-2 table of one code system."""
    table = _SYSTEMS.get(system)
    if table is None:
        table = {}
        for row in _load().rows.values():
            if system in ("fips", "gw"):  # the current code first, then earlier ones
                codes = (row.fips, row.fips_other) if system == "fips" else (row.gw, row.gw_other)
                for code in (codes[0], *codes[1].split("|")):
                    if code:
                        table.setdefault(code, row.alpha2)
            else:
                code = getattr(row, system)
                if code:
                    table[code] = row.alpha2
        _SYSTEMS[system] = table
    return table


def _close(lkey: str) -> list[tuple[int, str]]:
    """Return (edit distance, loose key) pairs within Damerau distance 2, nearest first."""
    index = _deletes()
    found: dict[str, int] = {}
    for key, _ in index.get(lkey, ()):
        found[key] = 1  # lkey is key with one character deleted (or key itself)
    for i in range(len(lkey)):
        probe = lkey[:i] + lkey[i + 1 :]
        for key, j in index.get(probe, ()):
            # Same position: substitution; neighbours with the same letter: transposition.
            dist = 1 if j in (-1, i) or (abs(i - j) == 1 and lkey[i] == key[j]) else 2
            if dist < found.get(key, 3):
                found[key] = dist
    return sorted((d, k) for k, d in found.items())


def _distance(a: str, b: str, limit: int) -> int:
    """The edit distance of *a* and *b* (transpositions count one), or ``limit + 1`` if more."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _lookup(key: str) -> tuple[str, ...] | None:
    """Look *key* up in every tier, exact before loose."""
    base = _base()
    hit = base.exact.get(key)
    if hit is not None:
        return hit
    lkey = _loose_key(key)
    hit = base.loose.get(lkey)
    if hit is not None:
        return hit
    more = _translated()
    hit = more.exact.get(key)
    if hit is not None:
        return hit
    return more.loose.get(lkey)


def _variants(key: str) -> list[str]:
    """Return *key* with noise ("the", "Republic of", ", Republic of") peeled off."""
    out: list[str] = []
    changed = True
    while changed:
        changed = False
        for prefix in _NOISE_PREFIXES:
            if key.startswith(prefix):
                key = key[len(prefix) :]
                out.append(key)
                changed = True
                break
        for suffix in _NOISE_SUFFIXES:
            if key.endswith(suffix):
                key = key[: -len(suffix)]
                out.append(key)
                changed = True
                break
    return out


def _by_code(text: str, system: str) -> Country | _Failure:
    """Resolve a code of a named system; no name matching."""
    code = text.strip()
    if system == "numeric":
        code = _numeric_code(code) or code
    elif system == "gw":  # a number, never padded in the list: "070" is 70, "652.0" 652
        number = _GW_NUMBER.fullmatch(code.translate(_INVISIBLE))
        code = str(int(number.group(1))) if number else code
    else:
        code = code.upper()
    hit = _system_table(system).get(code)
    if hit is not None:
        return Country(hit)
    if system == "gw" and code in _GW_SPLIT:
        return _Failure("a state that split (Czechoslovakia)", _GW_SPLIT[code], (), None)
    if system == "gw" and code in _GW_NO_ISO:
        return _Failure("not a country", (), (), f"GW {code} is {_GW_NO_ISO[code]}")
    hint = f"not {_SYSTEM_NAMES[system]} code"
    for other in ("alpha2", "alpha3", "numeric", "fips", "ioc", "gw"):
        alt = _system_table(other).get(code.lstrip("0") if other == "gw" else code)
        if other != system and alt is not None:
            hint += f"; it is {other} for {alt} ({Country(alt).name}), system={other!r}?"
            break
    return _Failure(f"unknown {system} country code", (), (), hint)


def _resolve(text: str, system: str | None, fuzzy: bool) -> Country | _Failure:
    """Resolve *text* without the cache."""
    if not text.isascii():
        text = text.translate(_FULL_WIDTH)  # "ＴＵＲ", from East Asian input methods
    if system is not None:
        return _by_code(text, system)
    stripped = text.strip()
    if not stripped:
        return _Failure("empty country name", (), (), None)
    if len(stripped) > _MAX_LEN:
        return _Failure("too long to be a country name", (), (), None)
    if stripped.isascii() and stripped.isdigit():
        return _by_code(stripped, "numeric")
    # Two or three ASCII letters: in capitals a code; otherwise a name, or else a code.
    as_code = None
    if stripped.isascii() and 2 <= len(stripped) <= 3 and stripped.isalpha():
        as_code = _load().by_code.get(stripped.upper())
        if as_code is not None and stripped.isupper():
            return Country(as_code)
    key = _exact_key(stripped)
    head, comma, tail = stripped.partition(",")
    keys = [key]
    if comma and tail.strip():
        keys.append(_exact_key(f"{tail} {head}"))
    for k in keys:
        keys.extend(v for v in _variants(k) if v not in keys)
    if key.endswith("s") and key[:-1] in _base().demonyms:
        keys.append(key[:-1])
    for k in keys:
        codes = _lookup(k)
        if codes is not None:
            if as_code is not None and codes != (as_code,):
                # Also the code of another country ("my": Mỹ, the US, or MY): never guess.
                return _outcome(tuple(dict.fromkeys((*codes, as_code))), stripped)
            return _outcome(codes, stripped)
    if as_code is not None:
        return Country(as_code)
    if stripped.isascii() and 2 <= len(stripped) <= 3 and stripped.isalpha():
        code = stripped.upper()
        for other in ("fips", "ioc"):  # a code of another system: say which, never guess
            alt = _system_table(other).get(code)
            if alt is not None:
                hint = f"it is {other} for {alt} ({Country(alt).name}): pass system={other!r}"
                return _Failure("not an ISO country code", (), (), hint)
    found = _with_note(stripped)
    return _miss(_loose_key(key), fuzzy) if found is None else found


def _with_note(text: str) -> Country | _Failure | None:
    """Resolve a name followed by a note in parentheses: ``Serbia (Yugoslavia)``.

    UCDP and Gleditsch-Ward name states so, with a former name. A note that completes the
    name reads with it (``Sudan (South)`` is South Sudan, as ``Sudan, South`` is); else the
    name decides, the note choosing among its candidates (``Congo (Zaire)``) and making it
    ambiguous when it names another country (``Georgia (USA)``). A note of one direction
    word alone, or a number, decides nothing. ``None`` when *text* has no note, or its
    name is no country.
    """
    head, paren, note = text[:-1].rpartition("(") if text.endswith(")") else ("", "", "")
    if not (paren and head.strip() and note.strip()):
        return None
    whole = _resolve(f"{head}, {note}", None, False)
    if not (isinstance(whole, _Failure) and whole.message == "unknown country"):
        return whole
    found = _resolve(head, None, False)
    heads = (found.alpha2,) if isinstance(found, Country) else found.candidates
    if not heads or _exact_key(note) in _QUALIFIERS:
        return None
    other = None if note.strip().isdigit() else _resolve(note, None, False)
    if isinstance(other, Country):
        named: tuple[str, ...] = (other.alpha2,)
    else:  # a former union names its successors: "Russia (Soviet Union)"
        named = () if other is None else other.candidates
    common = [code for code in heads if code in named]
    if len(common) == 1:
        return Country(common[0])
    if not named:  # a note that names no country: the name alone
        return found
    return _outcome(tuple(dict.fromkeys((*heads, *named))), text)


def _outcome(codes: tuple[str, ...], text: str) -> Country | _Failure:
    """Turn an index hit into a country or a failure."""
    if len(codes) == 1:
        return Country(codes[0])
    if codes:
        return _Failure("ambiguous country name", codes, (), None)
    return _Failure("not a country", (), (), "a region, organisation or people, not a state")


def _miss(lkey: str, fuzzy: bool) -> _Failure | Country:
    """Suggest (or, with *fuzzy*, pick) the nearest known names."""
    base = _base()
    close = _close(lkey) if 3 <= len(lkey) <= 40 else []
    suggestions: list[str] = []
    for _, key in close:
        name = base.display.get(key)
        if name and name not in suggestions:
            suggestions.append(name)
    if fuzzy and close and len(lkey) >= 5:  # shorter words are too often other words
        best = close[0][0]
        limit = 1 if len(lkey) <= 5 else 2
        # Every name as near, not only those the deletion index finds (it misses some
        # pairs two edits apart, "austrli" and "australia"): one country, or no answer.
        tied = {
            codes
            for k, codes in base.loose.items()
            if abs(len(k) - len(lkey)) <= best and _distance(lkey, k, best) <= best
        }
        if best <= limit and len(tied) == 1:
            (codes,) = tied
            if codes:
                return _outcome(codes, lkey)
    hint = None if suggestions else "try the ISO code, or a code system with system=..."
    return _Failure("unknown country", (), tuple(suggestions[:5]), hint)


def normalize_country(text: str, *, system: System | None = None, fuzzy: bool = False) -> Country:
    """Resolve a country name, demonym, abbreviation or code to a :class:`Country`.

    Case, accents, punctuation, whitespace, dotted ``İ``, NFD input, full-width letters
    and noise such as "the", "Republic of" and ", Republic of" are ignored. A note in
    parentheses, as UCDP writes ``Serbia (Yugoslavia)``, may give a former name; one that
    names another country (``Georgia (USA)``) makes the input ambiguous. Without
    *system*, two uppercase letters are an ISO alpha-2 code, three an alpha-3 code and
    digits a numeric code; everything else is matched as a name. With *system*, *text*
    must be a code of that system and names are not tried. Never guesses: ambiguous names raise
    :class:`AmbiguousCountryError`.

    Args:
        text: the name or code.
        system: the code system of a code: ``"alpha2"``, ``"alpha3"``, ``"numeric"``,
            ``"fips"`` (FIPS 10-4, as in GDELT), ``"ioc"`` or ``"gw"`` (Gleditsch-Ward
            state numbers, as in UCDP's ``country_id``).
        fuzzy: also accept a close misspelling (of five letters or more) when one
            country is clearly nearest, with no other country's name as near.

    Returns:
        The country.

    Raises:
        UnknownCountryError: no country matches; ``suggestions`` lists close names.
        AmbiguousCountryError: several countries match; ``candidates`` lists them.

    >>> normalize_country("Türkei")
    Country("TR")
    >>> normalize_country("TU", system="fips")
    Country("TR")
    >>> normalize_country("Turky", fuzzy=True)
    Country("TR")
    >>> normalize_country("Korea")
    Traceback (most recent call last):
    ...
    geoevents.errors.AmbiguousCountryError: $: ambiguous country name: 'Korea' (candidates: KR (Korea, Republic of), KP (Korea, Democratic People's Republic of); pass the ISO code instead)
    """  # noqa: E501
    if not isinstance(text, str):
        raise UnknownCountryError("expected a string", value=text)
    cache = _CACHES.get((system, fuzzy))
    if cache is None:
        if system is not None and system not in _SYSTEM_NAMES:
            raise UnknownCountryError(
                "unknown code system",
                value=system,
                hint="use alpha2, alpha3, numeric, fips, ioc or gw",
            )
        cache = _CACHES.setdefault((system, fuzzy), {})
    result = cache.get(text)
    if result is None:
        result = _resolve(text, system, fuzzy)
        if len(cache) >= _CACHE_MAX:
            cache.clear()
        if len(text) <= _MAX_LEN:
            cache[text] = result
    if isinstance(result, Country):
        return result
    if result.candidates:
        raise AmbiguousCountryError(
            result.message, candidates=[Country(c) for c in result.candidates], value=text
        )
    raise UnknownCountryError(
        result.message, value=text, suggestions=result.suggestions, hint=result.hint
    )
