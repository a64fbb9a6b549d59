"""Benchmark `kg lineage` lookups on a ~1M-triple store.

Generates synthetic N-Quads with the shape of real document graphs (the IRIs and properties of kg/graph/rdfmap.py:
documents, cited directives with citations and mentions, plans, tasks with agencies/projects, targets,
lineage statements with mentions, undated citations with kgo:candidate links), bulk-loads them with
pyoxigraph `Store.bulk_load`, then times `find_nodes` + `lineage` for random REFs (directive numbers with a
year, plan names, project names).

    .venv/bin/python benchmarks/bench_lineage.py [--triples 1000000] [--lookups 200] [--store DIR [--reuse]]

`--store DIR --reuse` loads the store once and reuses it in later runs (same --triples, --seed and
--shared-depts: the generator still runs, to draw the same REFs, but writes nothing).

Tasks name two agencies each: mostly the province's departments, named as the extractor names them
("Sở Y tế tỉnh Lạng Sơn"), sometimes a ministry shared by every document. `--shared-depts` builds the store
of earlier runs instead, where "Sở Y tế" was one node restated in all ~1,000 document graphs.

Figures are appended to benchmarks/RESULTS.md (section "lineage").
"""
from __future__ import annotations

import argparse
import functools
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from kg.extract.recognise.agencies import canonical_agency
from kg.extract.recognise.directives import number_key
from kg.graph.rdfmap import (
    RESOLUTION_GRAPH,
    agency_iri,
    directive_iri,
    document_iri,
    graph_iri,
    programme_iri,
    project_iri,
    slug,
)

K = "https://w3id.org/kg-vn/ont#"
ELI = "http://data.europa.eu/eli/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"
A = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
BASE = "https://w3id.org/kg-vn/"

WORDS = ["phát", "triển", "kinh", "tế", "xã", "hội", "nông", "thôn", "mới", "giảm", "nghèo", "bền", "vững", "chuyển", "đổi", "số", "cải", "cách", "hành", "chính", "phòng", "chống", "dịch", "bệnh", "giáo", "dục", "đào", "tạo", "y", "tế", "cơ", "sở", "hạ", "tầng", "giao", "thông", "du", "lịch", "văn", "hóa", "thể", "thao", "môi", "trường", "tài", "nguyên", "đất", "đai", "an", "ninh", "quốc", "phòng", "biên", "giới", "cửa", "khẩu", "thương", "mại", "công", "nghiệp", "nông", "nghiệp", "lâm", "nghiệp", "thủy", "sản", "khoa", "học", "công", "nghệ", "đầu", "tư", "công", "ngân", "sách", "thuế", "doanh", "nghiệp"]
PROVINCES = ["Lạng Sơn", "Cao Bằng", "Hà Giang", "Lào Cai", "Yên Bái", "Tuyên Quang", "Bắc Kạn", "Thái Nguyên",
             "Bắc Giang", "Quảng Ninh", "Sơn La", "Điện Biên", "Lai Châu", "Hòa Bình", "Phú Thọ", "Nghệ An",
             "Hà Tĩnh", "Quảng Bình", "Quảng Trị", "Thừa Thiên Huế", "Đà Nẵng", "Quảng Nam", "Quảng Ngãi",
             "Bình Định", "Phú Yên", "Khánh Hòa", "Ninh Thuận", "Bình Thuận", "Kon Tum", "Gia Lai",
             "Đắk Lắk", "Đắk Nông", "Lâm Đồng", "Bình Phước", "Tây Ninh", "Bình Dương", "Đồng Nai",
             "Long An", "Tiền Giang", "Bến Tre", "Trà Vinh", "Vĩnh Long", "Đồng Tháp", "An Giang",
             "Kiên Giang", "Cần Thơ", "Hậu Giang", "Sóc Trăng", "Bạc Liêu", "Cà Mau", "Hải Phòng",
             "Hải Dương", "Hưng Yên", "Thái Bình", "Nam Định", "Ninh Bình", "Thanh Hóa", "Hà Nam",
             "Vĩnh Phúc", "Bắc Ninh"]
DEPTS = ["Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Giao thông vận tải",
         "Sở Nông nghiệp và Phát triển nông thôn", "Sở Công Thương", "Sở Xây dựng", "Sở Tài nguyên và Môi trường",
         "Sở Văn hóa, Thể thao và Du lịch", "Sở Nội vụ", "Sở Thông tin và Truyền thông", "Công an tỉnh"]
# ministries a provincial report may also name in its tasks: one node shared by every document naming them
CENTRAL = ["Bộ Kế hoạch và Đầu tư", "Bộ Tài chính", "Bộ Y tế", "Bộ Giáo dục và Đào tạo", "Bộ Nội vụ",
           "Bộ Nông nghiệp và Phát triển nông thôn"]


@functools.cache
def dept_name(dept: str, province: str) -> str:
    """A department as the extractor names it: qualified by the document's province ("Sở Y tế tỉnh Lạng Sơn"),
    so each province's departments are their own nodes (kg/extract/recognise/agencies.py)."""
    return canonical_agency(dept, province) or dept


def lit(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def ilit(n: int) -> str:
    return f'"{n}"^^<{XSD}integer>'


class Gen:
    """Writes one document graph at a time as N-Quads lines."""

    def __init__(self, seed: int = 7, shared_depts: bool = False) -> None:
        self.r = random.Random(seed)
        self.shared_depts = shared_depts  # the old shape: "Sở Y tế" one node restated in every document
        self.refs: dict[str, list] = {"directive": [], "plan": [], "project": []}

    def phrase(self, n: int) -> str:
        return " ".join(self.r.choice(WORDS) for _ in range(n))

    def doc(self, i: int, out: list[str]) -> None:
        r = self.r
        src = f"syn_{i:06d}.txt"
        g = f"<{graph_iri(src)}>"
        d = f"<{document_iri(src)}>"
        ds = slug(src)
        prov = PROVINCES[i % len(PROVINCES)]
        ubnd = f"Ủy ban nhân dân tỉnh {prov}"
        year = 2018 + (i // len(PROVINCES)) % 7
        off = [0]

        def q(s, p, o):
            out.append(f"{s} {p} {o} {g} .\n")

        agencies_done = set()

        def agency(name):
            a = f"<{agency_iri(name)}>"
            if name not in agencies_done:
                agencies_done.add(name)
                q(a, A, f"<{K}Agency>")
                q(a, A, "<http://www.w3.org/ns/org#Organization>")
                q(a, f"<{SKOS}prefLabel>", lit(name))
            return a

        def mention(entity, sentence, tag):
            s0 = off[0]
            off[0] += len(sentence) + 1
            m = f"<{BASE}id/mention/{ds}/{s0}-{s0 + 20}-{tag}>"
            q(m, A, f"<{K}Mention>")
            q(m, f"<{K}inDocument>", d)
            q(m, f"<{K}start>", ilit(s0))
            q(m, f"<{K}end>", ilit(s0 + 20))
            q(m, f"<{K}asWritten>", lit(sentence[:20]))
            q(m, f"<{K}sentence>", lit(sentence))
            q(entity, f"<{K}mention>", m)
            return m

        def directive(number, type_label, issuer, y, sentence, undated=False):
            di = f"<{directive_iri(number, issuer, None, None if undated else y)}>"
            key = number_key(number)
            q(di, A, f"<{K}Directive>")
            if undated:
                q(di, A, f"<{K}UndatedDirective>")
            q(di, f"<{ELI}id_local>", lit(number))
            q(di, f"<{K}numberKey>", lit(key))
            q(di, f"<{K}typeLabel>", lit(type_label))
            q(di, f"<{K}issuerCode>", lit(number.split("/")[-1].split("-")[-1]))
            if not undated:
                q(di, f"<{K}year>", ilit(y))
                q(di, f"<{ELI}date_document>", f'"{y}-01-{1 + r.randrange(28):02d}"^^<{XSD}date>')
            q(di, f"<{ELI}passed_by>", agency(issuer))
            c = f"<{BASE}id/citation/{ds}/{slug(key)}>"
            q(c, A, f"<{K}Citation>")
            q(c, f"<{K}citedIn>", d)
            q(c, f"<{K}refersTo>", di)
            q(c, f"<{K}number>", lit(number))
            q(c, f"<{K}typeLabel>", lit(type_label))
            q(c, f"<{K}issuerName>", lit(issuer))
            mention(c, sentence, "cite")
            mention(di, sentence, "cite")
            return di

        def programme(name, sentence):
            p = f"<{programme_iri(name)}>"
            q(p, A, f"<{K}Programme>")
            q(p, f"<{SKOS}prefLabel>", lit(name))
            q(p, f"<{K}kind>", lit(name.split()[0] + " " + name.split()[1]))
            mention(p, sentence, "plan")
            return p

        stmt_n = [0]

        def statement(child, parent, relation, clabel, plabel, sentence):
            prop = {"implements": f"<{K}implements>", "reports_on": f"<{K}reportsOn>",
                    "responds_to": f"<{K}respondsTo>", "based_on": f"<{ELI}based_on>"}[relation]
            q(child, prop, parent)
            s = f"<{BASE}id/lineage/{ds}/{stmt_n[0]}>"
            stmt_n[0] += 1
            q(s, A, f"<{K}LineageStatement>")
            q(s, f"<{K}child>", child)
            q(s, f"<{K}parent>", parent)
            q(s, f"<{K}relation>", lit(relation))
            q(s, f"<{K}childLabel>", lit(clabel))
            q(s, f"<{K}parentLabel>", lit(plabel))
            mention(s, sentence, "lineage")

        # the document
        q(d, A, f"<{K}Document>")
        q(d, f"<{K}source>", lit(src))
        q(d, f"<{K}kind>", lit("Báo cáo"))
        q(d, f"<{K}title>", lit(f"Tình hình thực hiện {self.phrase(6)} năm {year}"))
        q(d, f"<{ELI}passed_by>", agency(ubnd))
        # the central resolution it reports on, the provincial decision carrying it out, a plan for that
        k = 1 + r.randrange(40)
        cnum = f"{k:02d}/NQ-CP"
        s_c = f"Tình hình thực hiện Nghị quyết số {cnum} ngày 08/01/{year} của Chính phủ về {self.phrase(8)}"
        c = directive(cnum, "Nghị quyết", "Chính phủ", year, s_c)
        statement(d, c, "reports_on", src, cnum, s_c)
        # the central resolution carries out a Party resolution (the roots: a handful, cited for years)
        if (k + year) % 3 == 0:
            pnum = f"{(k * 7 + year) % 12 + 18}-NQ/TW"
            py = 2017
            s_p = f"Thực hiện Nghị quyết số {pnum} ngày 25/10/{py} của Ban Chấp hành Trung ương, Chính phủ ban hành Nghị quyết số {cnum}"
            p = directive(pnum, "Nghị quyết", "Ban Chấp hành Trung ương Đảng", py, s_p)
            statement(c, p, "implements", cnum, pnum, s_p)
            self.refs["directive"].append((pnum, py))
        dnum = f"{100 + r.randrange(900)}/QĐ-UBND"
        s_d = (f"Ngay từ đầu năm, UBND tỉnh đã triển khai Nghị quyết số {cnum} của Chính phủ, ban hành Quyết định "
               f"số {dnum} ngày 18/01/{year} của UBND tỉnh về {self.phrase(10)}.")
        dd = directive(dnum, "Quyết định", ubnd, year, s_d)
        statement(dd, c, "implements", dnum, cnum, s_d)
        self.refs["directive"] += [(cnum, year), (dnum, year)]
        plans = []
        for j in range(3):
            pname = f"Kế hoạch thực hiện {self.phrase(4)} tỉnh {prov} năm {year} số {j + 1}"
            s_pl = f"UBND tỉnh ban hành {pname} để thực hiện Quyết định số {dnum}."
            pl = programme(pname, s_pl)
            statement(pl, dd, "implements", pname, dnum, s_pl)
            plans.append(pl)
            self.refs["plan"].append(pname)
        # other citations, one undated (with a candidate link to a dated one)
        for _ in range(2):
            onum = f"{r.randrange(1, 200)}/{r.choice(['CT-TTg', 'QĐ-TTg', 'NĐ-CP'])}"
            oy = 2015 + r.randrange(10)
            directive(onum, "Chỉ thị", "Thủ tướng Chính phủ", oy, f"Theo Chỉ thị số {onum} năm {oy} về {self.phrase(6)}")
        if k > 2:
            unum = f"{r.randrange(1, k):02d}/NQ-CP"
            u = directive(unum, "Nghị quyết", "Chính phủ", None, f"Tiếp tục thực hiện Nghị quyết số {unum}.",
                          undated=True)
            for cy in (year - 1, year):
                out.append(f"{u} <{K}candidate> <{directive_iri(unum, 'Chính phủ', None, cy)}> <{RESOLUTION_GRAPH}> .\n")
        # tasks with agencies, projects, targets
        for t in range(30):
            node = f"<{BASE}id/task/{ds}/{t + 1}>"
            head = f"{self.phrase(3).capitalize()} {self.phrase(5)}"
            q(node, A, f"<{K}Task>")
            q(node, f"<{K}taskNumber>", lit(str(t + 1)))
            q(node, f"<{K}label>", lit(head))
            q(node, f"<{SKOS}prefLabel>", lit(head))
            q(node, f"<{K}text>", lit(head + " " + self.phrase(25)))
            q(node, f"<{K}period>", lit(str(year)))
            q(node, f"<{K}partOf>", d)
            mention(node, head + ".", "task")
            for dept in r.sample(DEPTS, 2):
                if self.shared_depts:
                    name = dept
                else:
                    name = r.choice(CENTRAL) if r.random() < 0.1 else dept_name(dept, prov)
                q(node, f"<{K}assignedTo>" if r.random() < 0.6 else f"<{K}concerns>", agency(name))
            if r.random() < 0.3:
                pj = f"Dự án {self.phrase(3)} tỉnh {prov} {r.randrange(20)}"
                p = f"<{project_iri(pj)}>"
                q(p, A, f"<{K}Project>")
                q(p, f"<{SKOS}prefLabel>", lit(pj))
                mention(p, f"Đẩy nhanh {pj}.", "project")
                q(node, f"<{K}concerns>", p)
                self.refs["project"].append(pj)
            if r.random() < 0.2:
                q(node, f"<{K}concerns>", r.choice(plans))
            if r.random() < 0.1:
                statement(node, c, "implements", head, cnum, f"{head} theo Nghị quyết số {cnum}.")
            if r.random() < 0.3:
                tg = f"<{BASE}id/target/{ds}/{off[0]}-{off[0] + 9}-{t}>"
                q(tg, A, f"<{K}Target>")
                q(tg, f"<{K}indicator>", lit(self.phrase(3)))
                q(tg, f"<{K}value>", f'"{r.randrange(1, 100)}.0"^^<{XSD}decimal>')
                q(tg, f"<{K}unit>", lit("%"))
                q(tg, f"<{K}valueText>", lit(f"{r.randrange(1, 100)}%"))
                q(tg, f"<{K}setBy>", node)
                mention(tg, f"Phấn đấu đạt {r.randrange(1, 100)}% {self.phrase(4)}.", "target")


def generate(path: Path, triples: int, seed: int = 7, shared_depts: bool = False) -> tuple[int, int, Gen]:
    gen = Gen(seed, shared_depts)
    n = docs = 0
    with open(path, "w", encoding="utf-8") as f:
        while n < triples:
            buf: list[str] = []
            gen.doc(docs, buf)
            f.writelines(buf)
            n += len(buf)
            docs += 1
    return n, docs, gen


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--lookups", type=int, default=200)
    ap.add_argument("--store", default=None, help="Store directory (default: a temporary one, removed after).")
    ap.add_argument("--reuse", action="store_true",
                    help="Reuse the store in --store if it holds one (built with the same --triples and --seed).")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--shared-depts", action="store_true",
                    help="The store of earlier runs: provincial departments unqualified, one node per department "
                         "restated in every document (the extractor names them per province).")
    ap.add_argument("--no-write", action="store_true", help="Do not append to RESULTS.md.")
    args = ap.parse_args()

    import pyoxigraph as ox

    from kg.graph.store import LocalStore
    from kg.views.lineage_lookup import DEFAULT_LIMIT, find_nodes, lineage

    tmp = Path(tempfile.mkdtemp(prefix="bench_lineage_"))
    store_dir = Path(args.store) if args.store else tmp / "store"
    reuse = args.reuse and args.store and store_dir.exists() and any(store_dir.iterdir())
    nq = Path(os.devnull) if reuse else tmp / "synthetic.nq"
    t0 = time.perf_counter()
    n, docs, gen = generate(nq, args.triples, args.seed, args.shared_depts)
    t_gen = time.perf_counter() - t0
    size_mb = 0.0 if reuse else nq.stat().st_size / 1e6
    if reuse:
        s = ox.Store.read_only(str(store_dir))
        total, t_load = len(s), 0.0
        del s
        print(f"reusing the store in {store_dir} ({total} quads)", flush=True)
    else:
        if store_dir.exists():
            shutil.rmtree(store_dir)
        t0 = time.perf_counter()
        s = ox.Store(str(store_dir))
        s.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
        s.flush()
        total = len(s)
        del s
        t_load = time.perf_counter() - t0
        print(f"generated {n} quad lines ({docs} documents, {size_mb:.0f} MB) in {t_gen:.1f} s; "
              f"bulk-loaded {total} quads in {t_load:.1f} s", flush=True)

    store = LocalStore(store_dir, read_only=True)
    r = random.Random(args.seed + 1)
    pool = ([("directive", num, y) for num, y in r.sample(gen.refs["directive"], args.lookups * 6 // 10)]
            + [("plan", name, None) for name in r.sample(gen.refs["plan"], args.lookups * 2 // 10)]
            + [("project", name, None) for name in r.sample(gen.refs["project"], args.lookups * 2 // 10)])
    r.shuffle(pool)
    # warm-up (file cache, first-query setup), not timed
    for kind, ref, y in pool[:5]:
        nodes = find_nodes(store, ref, year=y)
        if nodes:
            lineage(store, nodes[0].iri, limit=DEFAULT_LIMIT)
    times = {"find": [], "lineage": [], "total": [], "lineage_all": []}
    by_kind: dict[str, list[float]] = {}
    sizes = []
    misses = 0
    cpu: dict[str, list[float]] = {}  # CPU time of this process: what other work on a shared machine leaves alone
    for kind, ref, y in pool:
        c0 = time.process_time()
        t0 = time.perf_counter()
        nodes = find_nodes(store, ref, year=y)
        t1 = time.perf_counter()
        if not nodes:
            misses += 1
            continue
        lineage(store, nodes[0].iri, limit=DEFAULT_LIMIT)  # bounded, as `kg lineage` asks
        t2 = time.perf_counter()
        cpu.setdefault(kind, []).append(time.process_time() - c0)
        tree = lineage(store, nodes[0].iri, limit=0)  # the whole tree (`--limit 0`)
        t3 = time.perf_counter()
        times["find"].append(t1 - t0)
        times["lineage"].append(t2 - t1)
        times["total"].append(t2 - t0)
        times["lineage_all"].append(t3 - t2)
        by_kind.setdefault(kind, []).append(t2 - t0)
        sizes.append(sum(1 for _ in tree.iter()))
    # the command end to end (process start, imports, open, one lookup): a few
    cli = []
    kg_bin = str(Path(sys.executable).with_name("kg"))
    for kind, ref, y in pool[:5]:
        cmd = [kg_bin, "lineage", ref, "--store", str(store_dir), "--format", "json"] + (
            ["--year", str(y)] if y else ["--all"])
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False)
        cli.append(time.perf_counter() - t0)

    ms = lambda x: f"{x * 1000:.1f}"
    lines = [
        f"### lineage lookups — {time.strftime('%Y-%m-%d %H:%M')}",
        "",
        (f"- machine: {platform.node()} · {platform.processor() or platform.machine()} · {os.cpu_count()} CPUs · "
        f"Python {platform.python_version()} · pyoxigraph {ox.__version__}"),
        (f"- command: `.venv/bin/python benchmarks/bench_lineage.py --triples {args.triples} --lookups {args.lookups}"
         + (" --shared-depts" if args.shared_depts else "") + "`"),
        (f"- store: {total:,} quads, {docs} synthetic documents" + (" (reused)" if reuse else
         f" (N-Quads {size_mb:.0f} MB generated in {t_gen:.1f} s, `Store.bulk_load` in {t_load:.1f} s)")),
        (f"- lookups: {len(times['total'])} random REFs ({', '.join(f'{k} {len(v)}' for k, v in by_kind.items())}), "
        f"{misses} not found; tree size median {statistics.median(sizes):.0f} nodes, max {max(sizes)}"),
        "",
        "| step | median ms | p95 ms | max ms |",
        "|---|---|---|---|",
    ]
    for k, label in (("find", "find_nodes"), ("lineage", f"lineage (bounded: --limit {DEFAULT_LIMIT})"),
                     ("total", "find + lineage"), ("lineage_all", "lineage, whole tree (--limit 0)")):
        v = times[k]
        lines.append(f"| {label} | {ms(statistics.median(v))} | {ms(pct(v, 95))} | {ms(max(v))} |")
    for k, v in by_kind.items():
        lines.append(f"| find + lineage, REF = {k} | {ms(statistics.median(v))} | {ms(pct(v, 95))} | {ms(max(v))} |")
    if "directive" in cpu:
        v = cpu["directive"]
        lines.append(f"| find + lineage, REF = directive, CPU time | {ms(statistics.median(v))} | {ms(pct(v, 95))} | "
                     f"{ms(max(v))} |")
    lines.append(f"| `kg lineage` process end to end (5 runs) | {ms(statistics.median(cli))} | {ms(max(cli))} | "
                 f"{ms(max(cli))} |")
    goal = statistics.median(times["total"]) < 0.1
    p95_directive = pct(by_kind.get("directive", [0.0]), 95)
    lines += ["", f"Goal < 100 ms median (find + lineage): {'met' if goal else 'NOT met'}.",
              (f"Goal < 200 ms p95 for directive REFs (find + bounded lineage): "
               f"{'met' if p95_directive < 0.2 else 'NOT met'} ({p95_directive * 1000:.0f} ms; load average "
               f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs at the end)."), ""]
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        _append(HERE / "RESULTS.md", "lineage", text)
    del store
    shutil.rmtree(tmp, ignore_errors=True)


def _append(path: Path, section: str, text: str) -> None:
    """Replace this benchmark's section of RESULTS.md (kept between markers), leaving the others."""
    start, end = f"<!-- {section}:start -->", f"<!-- {section}:end -->"
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n\n"
    block = f"{start}\n{text}\n{end}\n"
    if start in old and end in old:
        a, b = old.index(start), old.index(end) + len(end) + 1
        new = old[:a] + block + old[b:]
    else:
        new = old.rstrip("\n") + "\n\n" + block
    path.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    main()
