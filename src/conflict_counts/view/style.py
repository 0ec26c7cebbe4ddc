"""The one stylesheet, inlined into every page so each page stands alone (no external URLs).

Entity labels are background colours chosen to stay distinguishable for the common
colour-vision deficiencies; claims are boxed, counted nouns and sources underlined in
two styles; prediction differences are outlines, so they never hide the gold colours.
"""

from __future__ import annotations

LABEL_COLOURS: dict[str, str] = {
    "PER": "#ffd98a",
    "ORG": "#a9d1ff",
    "GPE": "#b9ebb9",
    "LOC": "#e2c9ff",
    "FAC": "#ffc2b3",
}

LABEL_NAMES: dict[str, str] = {
    "PER": "person",
    "ORG": "organisation",
    "GPE": "place with a government",
    "LOC": "other place",
    "FAC": "facility",
}

DIFF_COLOURS: dict[str, str] = {
    "correct": "#1a7f37", "wrong": "#d97706", "missed": "#c81e1e", "spurious": "#7c3aed",
}

_LABEL_RULES = "\n".join(f".m-{label} {{ background: {colour}; }}" for label, colour in LABEL_COLOURS.items())

CSS = f"""
:root {{ color-scheme: light; }}
* {{ box-sizing: border-box; }}
body {{ margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
  color: #1f2328; background: #f6f7f9; }}
main {{ max-width: 62rem; margin: 0 auto; padding: 1.25rem 1.5rem 3rem; }}
main.wide {{ max-width: 72rem; }}
header {{ border-bottom: 1px solid #d0d7de; margin-bottom: 1rem; padding-bottom: .5rem; }}
header nav a {{ color: #0969da; text-decoration: none; font-size: .9rem; }}
h1 {{ font-size: 1.45rem; margin: .3rem 0 .2rem; }}
h2 {{ font-size: 1.1rem; margin: 1.6rem 0 .5rem; }}
.meta {{ color: #57606a; font-size: .9rem; margin: 0; }}
code, .mono {{ font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85em; }}
.legend {{ display: flex; flex-wrap: wrap; gap: .35rem .9rem; align-items: center; font-size: .85rem;
  background: #fff; border: 1px solid #d0d7de; border-radius: 6px; padding: .5rem .75rem; }}
.legend .key {{ padding: 0 .3rem; border-radius: 3px; }}
.legend .sep {{ width: 1px; align-self: stretch; background: #d0d7de; }}
article.text {{ white-space: pre-wrap; background: #fff; border: 1px solid #d0d7de; border-radius: 6px;
  padding: 1.1rem 1.4rem; font: 17px/2.05 Georgia, "DejaVu Serif", serif; margin-top: .8rem; }}
.m {{ border-radius: 3px; padding: .1em 0; }}
{_LABEL_RULES}
.m[data-label]::after {{ content: attr(data-label); font: 600 .55em/1 system-ui, sans-serif; color: #444;
  vertical-align: .9em; margin-left: .12em; letter-spacing: .02em; }}
.m.cont::after, .c.cont::after {{ content: none; }}
.m, .c {{ -webkit-box-decoration-break: clone; box-decoration-break: clone; }}
.c {{ font-weight: 700; background: #fff3b0; box-shadow: inset 0 0 0 1.5px #6b5900; border-radius: 4px;
  padding: .12em .18em; cursor: help; }}
.c[data-n]::after {{ content: attr(data-n); font: 700 .6em/1 system-ui, sans-serif; color: #fff;
  background: #6b5900; border-radius: 1em; padding: .1em .35em; margin-left: .2em; vertical-align: .7em; }}
.counted {{ text-decoration: underline dotted #0b7a75 2px; text-underline-offset: .28em; }}
.source {{ text-decoration: underline dashed #8250df 2px; text-underline-offset: .28em; }}
.d-wrong {{ outline: 2.5px solid {DIFF_COLOURS["wrong"]}; outline-offset: 1px; }}
.d-missed {{ outline: 2.5px dashed {DIFF_COLOURS["missed"]}; outline-offset: 1px; }}
.p {{ outline: 2px dotted {DIFF_COLOURS["spurious"]}; outline-offset: 2px; cursor: help; }}
.p-spurious {{ background: repeating-linear-gradient(135deg, #efe5ff 0 4px, #fff 4px 8px); }}
.p-wrong {{ outline-color: {DIFF_COLOURS["wrong"]}; }}
.swatch {{ display: inline-block; width: 1.6em; height: 1em; vertical-align: -.15em; margin-right: .3em;
  border-radius: 3px; }}
table {{ border-collapse: collapse; width: 100%; background: #fff; font-size: .88rem; }}
th, td {{ border: 1px solid #d0d7de; padding: .3rem .5rem; text-align: left; vertical-align: top; }}
th {{ background: #f0f2f5; font-weight: 600; }}
th.group {{ text-align: center; }}
table.documents th.num {{ font-size: .8rem; }}
td.num, th.num {{ text-align: right; font-variant-numeric: tabular-nums; }}
tr.total td {{ font-weight: 600; background: #f6f8fa; }}
.kind {{ font-weight: 700; }}
.k-correct {{ color: {DIFF_COLOURS["correct"]}; }}
.k-wrong {{ color: {DIFF_COLOURS["wrong"]}; }}
.k-missed {{ color: {DIFF_COLOURS["missed"]}; }}
.k-spurious {{ color: {DIFF_COLOURS["spurious"]}; }}
.snippet {{ color: #57606a; }}
td.zero {{ color: #b0b7bf; }}
.nowrap {{ white-space: nowrap; }}
a {{ color: #0969da; }}
footer {{ margin-top: 2rem; color: #57606a; font-size: .8rem; }}
"""
