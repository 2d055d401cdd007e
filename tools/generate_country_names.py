"""Regenerate geoevents' country data files from the installed pycountry.

Writes two files under ``src/geoevents/data/``:

- ``country_codes.tsv``: alpha-2, alpha-3, numeric, ISO short/official/common names
  (from pycountry), plus FIPS 10-4, IOC and Gleditsch-Ward codes written down below from
  the public lists, plus the user-assigned ``XK`` (Kosovo), which pycountry lacks.
- ``country_names.tsv``: every translation of the ISO short, official and common names in
  every locale of pycountry's bundled iso-codes gettext catalogues (domain ``iso3166-1``),
  as precomputed exact and loose keys, so that runtime never parses 100+ ``.mo`` files.
  A key whose translations point at different countries is dropped.

Run: ``PYTHONPATH=src python tools/generate_country_names.py``.
"""

from __future__ import annotations

import gettext
import sys
from collections import defaultdict
from pathlib import Path

import pycountry

from geoevents.normalize import _base, _exact_key, _loose_key

DATA = Path(__file__).resolve().parent.parent / "src" / "geoevents" / "data"

# FIPS 10-4 (as used by GDELT and the CIA World Factbook until 2014); ISO alpha-2 -> FIPS.
# CW (UC) and SX (NN) come from GEC, FIPS 10-4's successor list.
FIPS = dict(
    pair.split(":")
    for pair in """
AF:AF AL:AL DZ:AG AS:AQ AD:AN AO:AO AI:AV AQ:AY AG:AC AR:AR AM:AM AW:AA AU:AS AT:AU AZ:AJ
BS:BF BH:BA BD:BG BB:BB BY:BO BE:BE BZ:BH BJ:BN BM:BD BT:BT BO:BL BA:BK BW:BC BV:BV BR:BR
IO:IO BN:BX BG:BU BF:UV BI:BY KH:CB CM:CM CA:CA CV:CV KY:CJ CF:CT TD:CD CL:CI CN:CH CX:KT
CC:CK CO:CO KM:CN CG:CF CD:CG CK:CW CR:CS CI:IV HR:HR CU:CU CW:UC CY:CY CZ:EZ DK:DA DJ:DJ
DM:DO DO:DR EC:EC EG:EG SV:ES GQ:EK ER:ER EE:EN SZ:WZ ET:ET FK:FK FO:FO FJ:FJ FI:FI FR:FR
GF:FG PF:FP TF:FS GA:GB GM:GA GE:GG DE:GM GH:GH GI:GI GR:GR GL:GL GD:GJ GP:GP GU:GQ GT:GT
GG:GK GN:GV GW:PU GY:GY HT:HA HM:HM VA:VT HN:HO HK:HK HU:HU IS:IC IN:IN ID:ID IR:IR IQ:IZ
IE:EI IM:IM IL:IS IT:IT JM:JM JP:JA JE:JE JO:JO KZ:KZ KE:KE KI:KR KP:KN KR:KS KW:KU KG:KG
LA:LA LV:LG LB:LE LS:LT LR:LI LY:LY LI:LS LT:LH LU:LU MO:MC MK:MK MG:MA MW:MI MY:MY MV:MV
ML:ML MT:MT MH:RM MQ:MB MR:MR MU:MP YT:MF MX:MX FM:FM MD:MD MC:MN MN:MG ME:MJ MS:MH MA:MO
MZ:MZ MM:BM NA:WA NR:NR NP:NP NL:NL NC:NC NZ:NZ NI:NU NE:NG NG:NI NU:NE NF:NF MP:CQ NO:NO
OM:MU PK:PK PW:PS PS:WE PA:PM PG:PP PY:PA PE:PE PH:RP PN:PC PL:PL PT:PO PR:RQ QA:QA RE:RE
RO:RO RU:RS RW:RW BL:TB SH:SH KN:SC LC:ST MF:RN PM:SB VC:VC WS:WS SM:SM ST:TP SA:SA SN:SG
RS:RI SC:SE SL:SL SG:SN SX:NN SK:LO SI:SI SB:BP SO:SO ZA:SF GS:SX SS:OD ES:SP LK:CE SD:SU
SR:NS SJ:SV SE:SW CH:SZ SY:SY TW:TW TJ:TI TZ:TZ TH:TH TL:TT TG:TO TK:TL TO:TN TT:TD TN:TS
TR:TU TM:TX TC:TK TV:TV UG:UG UA:UP AE:AE GB:UK US:US UY:UY UZ:UZ VU:NH VE:VE VN:VM VG:VI
VI:VQ WF:WF EH:WI YE:YM ZM:ZA ZW:ZI XK:KV
""".split()  # noqa: SIM905 - a compact table reads better
)
# Further FIPS 10-4 codes for parts of one ISO country (Gaza Strip, Jan Mayen, the French
# scattered islands, the US minor outlying islands).
FIPS_OTHER = {
    "PS": "GZ",
    "SJ": "JN",
    "TF": "BS|EU|GO|JU|TE",
    "UM": "FQ|HQ|DQ|JQ|KQ|MQ|BQ|LQ|WQ",
}
# IOC National Olympic Committee codes; ISO alpha-2 -> IOC.
IOC = dict(
    pair.split(":")
    for pair in """
AF:AFG AL:ALB DZ:ALG AS:ASA AD:AND AO:ANG AG:ANT AR:ARG AM:ARM AW:ARU AU:AUS AT:AUT AZ:AZE
BS:BAH BH:BRN BD:BAN BB:BAR BY:BLR BE:BEL BZ:BIZ BJ:BEN BM:BER BT:BHU BO:BOL BA:BIH BW:BOT
BR:BRA VG:IVB BN:BRU BG:BUL BF:BUR BI:BDI KH:CAM CM:CMR CA:CAN CV:CPV KY:CAY CF:CAF TD:CHA
CL:CHI CN:CHN CO:COL KM:COM CG:CGO CD:COD CK:COK CR:CRC CI:CIV HR:CRO CU:CUB CY:CYP CZ:CZE
DK:DEN DJ:DJI DM:DMA DO:DOM EC:ECU EG:EGY SV:ESA GQ:GEQ ER:ERI EE:EST SZ:SWZ ET:ETH FJ:FIJ
FI:FIN FR:FRA GA:GAB GM:GAM GE:GEO DE:GER GH:GHA GR:GRE GD:GRN GU:GUM GT:GUA GN:GUI GW:GBS
GY:GUY HT:HAI HN:HON HK:HKG HU:HUN IS:ISL IN:IND ID:INA IR:IRI IQ:IRQ IE:IRL IL:ISR IT:ITA
JM:JAM JP:JPN JO:JOR KZ:KAZ KE:KEN KI:KIR KP:PRK KR:KOR XK:KOS KW:KUW KG:KGZ LA:LAO LV:LAT
LB:LBN LS:LES LR:LBR LY:LBA LI:LIE LT:LTU LU:LUX MG:MAD MW:MAW MY:MAS MV:MDV ML:MLI MT:MLT
MH:MHL MR:MTN MU:MRI MX:MEX FM:FSM MD:MDA MC:MON MN:MGL ME:MNE MA:MAR MZ:MOZ MM:MYA NA:NAM
NR:NRU NP:NEP NL:NED NZ:NZL NI:NCA NE:NIG NG:NGR MK:MKD NO:NOR OM:OMA PK:PAK PW:PLW PS:PLE
PA:PAN PG:PNG PY:PAR PE:PER PH:PHI PL:POL PT:POR PR:PUR QA:QAT RO:ROU RU:RUS RW:RWA KN:SKN
LC:LCA VC:VIN WS:SAM SM:SMR ST:STP SA:KSA SN:SEN RS:SRB SC:SEY SL:SLE SG:SGP SK:SVK SI:SLO
SB:SOL SO:SOM ZA:RSA SS:SSD ES:ESP LK:SRI SD:SUD SR:SUR SE:SWE CH:SUI SY:SYR TW:TPE TJ:TJK
TZ:TAN TH:THA TL:TLS TG:TOG TO:TGA TT:TTO TN:TUN TR:TUR TM:TKM TV:TUV UG:UGA UA:UKR AE:UAE
GB:GBR US:USA UY:URU UZ:UZB VU:VAN VE:VEN VN:VIE VI:ISV YE:YEM ZM:ZAM ZW:ZIM
""".split()  # noqa: SIM905 - a compact table reads better
)
# Gleditsch-Ward state numbers (Gleditsch & Ward 1999, revised list and microstates; the
# codes of UCDP's country_id, gwnoa and gwnob); ISO alpha-2 -> the state's number today.
# Checked against the GW list, the R packages states and countrycode, and UCDP data.
# Unified Vietnam is 816 and unified Yemen 678 (COW: 679), Germany 260 (COW: 255).
GW = dict(
    pair.split(":")
    for pair in """
AD:232 AE:696 AF:700 AG:58 AL:339 AM:371 AO:540 AR:160 AT:305 AU:900 AZ:373 BA:346 BB:53
BD:771 BE:211 BF:439 BG:355 BH:692 BI:516 BJ:434 BN:835 BO:145 BR:140 BS:31 BT:760 BW:571
BY:370 BZ:80 CA:20 CD:490 CF:482 CG:484 CH:225 CI:437 CL:155 CM:471 CN:710 CO:100 CR:94
CU:40 CV:402 CY:352 CZ:316 DE:260 DJ:522 DK:390 DM:54 DO:42 DZ:615 EC:130 EE:366 EG:651
ER:531 ES:230 ET:530 FI:375 FJ:950 FM:987 FR:220 GA:481 GB:200 GD:55 GE:372 GH:452 GM:420
GN:438 GQ:411 GR:350 GT:90 GW:404 GY:110 HN:91 HR:344 HT:41 HU:310 ID:850 IE:205 IL:666
IN:750 IQ:645 IR:630 IS:395 IT:325 JM:51 JO:663 JP:740 KE:501 KG:703 KH:811 KI:970 KM:581
KN:60 KP:731 KR:732 KW:690 KZ:705 LA:812 LB:660 LC:56 LI:223 LK:780 LR:450 LS:570 LT:368
LU:212 LV:367 LY:620 MA:600 MC:221 MD:359 ME:341 MG:580 MH:983 MK:343 ML:432 MM:775 MN:712
MR:435 MT:338 MU:590 MV:781 MW:553 MX:70 MY:820 MZ:541 NA:565 NE:436 NG:475 NI:93 NL:210
NO:385 NP:790 NR:971 NZ:920 OM:698 PA:95 PE:135 PG:910 PH:840 PK:770 PL:290 PT:235 PW:986
PY:150 QA:694 RO:360 RS:340 RU:365 RW:517 SA:670 SB:940 SC:591 SD:625 SE:380 SG:830 SI:349
SK:317 SL:451 SM:331 SN:433 SO:520 SR:115 SS:626 ST:403 SV:92 SY:652 SZ:572 TD:483 TG:461
TH:800 TJ:702 TL:860 TM:701 TN:616 TO:972 TR:640 TT:52 TV:973 TW:713 TZ:510 UA:369 UG:500
US:2 UY:165 UZ:704 VC:57 VE:101 VN:816 VU:935 WS:990 XK:347 YE:678 ZA:560 ZM:551 ZW:552
""".split()  # noqa: SIM905 - a compact table reads better
)
# Earlier numbers that data still use, read as the country that continues them (as the
# alias table reads old names): Germany (Prussia) until 1945 and the GDR; Yugoslavia, whose
# number UCDP keeps for Serbia ("Serbia (Yugoslavia)"); South Yemen; South Vietnam.
# Czechoslovakia (315), split in two, is ambiguous in geoevents.normalize.
GW_OTHER = {"DE": "255|265", "RS": "345", "VN": "817", "YE": "680"}
KOSOVO = ("XK", "XKX", "983", "Kosovo", "Republic of Kosovo", "")
HEADER = (
    "alpha2\talpha3\tnumeric\tname\tofficial_name\tcommon_name\tfips\tfips_other\tioc\tgw\tgw_other"
)


def main() -> int:
    """Write the two data files and report counts on stderr."""
    rows = [
        (
            c.alpha_2,
            c.alpha_3,
            c.numeric,
            c.name,
            getattr(c, "official_name", ""),
            getattr(c, "common_name", ""),
        )
        for c in pycountry.countries
    ]
    rows.append(KOSOVO)
    lines = [HEADER]
    for row in sorted(rows):
        a2 = row[0]
        codes = (FIPS.get(a2, ""), FIPS_OTHER.get(a2, ""), IOC.get(a2, ""))
        lines.append("\t".join((*row, *codes, GW.get(a2, ""), GW_OTHER.get(a2, ""))))
    (DATA / "country_codes.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")

    localedir = Path(pycountry.LOCALES_DIR)
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for locale in sorted(p.name for p in localedir.iterdir()):
        try:
            tr = gettext.translation("iso3166-1", str(localedir), languages=[locale])
        except OSError:
            continue
        for a2, _, _, *names in rows:
            for msgid in names:
                if msgid:
                    text = tr.gettext(msgid)
                    if text != msgid:
                        found[_exact_key(text)][a2].add(locale)
    out = ["key\tloose_key\talpha2\tlocales"]
    dropped = 0
    base = _base()
    loose_codes: dict[str, set[str]] = defaultdict(set)
    for key, codes in found.items():
        loose_codes[_loose_key(key)].update(codes)
    for key in sorted(found):
        codes = found[key]
        if len(codes) > 1 or not key:
            dropped += 1
            continue
        ((a2, locales),) = codes.items()
        shown = min(locales) + (f"+{len(locales) - 1}" if len(locales) > 1 else "")
        lkey = _loose_key(key)
        lkey = lkey if len(loose_codes[lkey]) == 1 else ""  # clashes: exact match only
        if base.exact.get(key) == (a2,) and (not lkey or base.loose.get(lkey) == (a2,)):
            continue  # already known from the alias table or ISO names
        out.append(f"{key}\t{lkey}\t{a2}\t{shown}")
    (DATA / "country_names.tsv").write_text("\n".join(out) + "\n", encoding="utf-8")
    print(
        f"{len(rows)} countries, {len(out) - 1} translated names, {dropped} clashes dropped",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
