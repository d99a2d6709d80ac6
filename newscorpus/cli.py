"""``python -m newscorpus``: the book's functions for scripts and other tools.

Every command reports bad input as one line, ``error: <file>: <problem>``, on stderr and exits
with status 2; nothing is written to the seeds folder.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .errors import CorpusError

EXIT_BAD_INPUT = 2


def _error(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)


def cmd_check(args: argparse.Namespace) -> int:
    from .check import check_corpus

    articles, problems = check_corpus(args.corpus or args.seeds)
    for problem in problems:
        _error(str(problem))
    if problems:
        return EXIT_BAD_INPUT
    print(f"ok: {len(articles)} articles, {articles['outlet'].nunique()} outlets")
    return 0


def cmd_clean(args: argparse.Namespace) -> int:
    from .cleaning import clean_file

    status = 0
    for name in args.paths:
        try:
            article = clean_file(Path(name))
        except CorpusError as exc:
            _error(f"{name}: {exc.problem}")  # name the file as the user typed it
            status = EXIT_BAD_INPUT
            continue
        if args.json:
            print(json.dumps({"path": name, **article.to_dict()}, ensure_ascii=False))
        else:
            if len(args.paths) > 1:
                print(f"==> {name} <==")
            print("\n\n".join(article.paragraphs))
            if len(args.paths) > 1:
                print()
    return status


def cmd_annotate(args: argparse.Namespace) -> int:
    from .layer.annotate import annotation, read_document

    status = 0
    for name in args.paths:
        try:
            doc = read_document(name, clean=not args.no_clean)
        except CorpusError as exc:
            _error(f"{name}: {exc.problem}")  # name the file as the user typed it
            status = EXIT_BAD_INPUT
            continue
        record = annotation(doc, name)
        if args.json:
            print(json.dumps(record, ensure_ascii=False))
        else:
            for token in record["tokens"]:
                print(f"{token['start']}\t{token['end']}\t{token['text']}\t{token['lemma']}\t{token['pos']}\t{token['voice']}")
    return status


def cmd_export(args: argparse.Namespace) -> int:
    from .export import export_tables

    for path in export_tables(args.outdir, args.seeds):
        print(path)
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from .book.build import build
    from .check import check_corpus

    # A corpus that fails the check never reaches the build, so _build/ stays as it was.
    _, problems = check_corpus(Path(args.root) / "seeds")
    for problem in problems:
        _error(str(problem))
    if problems:
        return EXIT_BAD_INPUT
    return build(args.root).returncode


def cmd_bench(args: argparse.Namespace) -> int:
    if args.articles:
        from .scale_bench import run_scale_bench

        backends = args.backend or None
        run_scale_bench(Path(args.root) / "seeds", args.articles, backends,
                        out=Path(args.root) / "_build" / f"bench_scale_{args.articles}.jsonl")
        return 0
    from .book.bench import run_bench

    return run_bench(Path(args.root), skip_build=args.skip_build)


def cmd_analyze(args: argparse.Namespace) -> int:
    from .pipeline import analyse_to_folder

    failed = []
    written = analyse_to_folder(args.corpus, args.outdir, backend=args.backend, scheduler=args.scheduler,
                                progress=not args.quiet,
                                on_error=lambda file, problem: (failed.append(file), _error(f"{file}: {problem}")))
    for path in written.values():
        print(path)
    return EXIT_BAD_INPUT if failed else 0


def cmd_validate(args: argparse.Namespace) -> int:
    from .validation import runner

    data_dir = Path(args.data) if args.data else runner.default_data_dir()
    try:
        return runner.run(runner.check_data_dir(data_dir), only=args.only)
    except runner.MissingData as exc:
        _error(str(exc))
        return EXIT_BAD_INPUT


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m newscorpus", description=__doc__.splitlines()[0])
    sub = top.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="validate a corpus folder (default seeds/): every problem, one line each")
    check.add_argument("corpus", nargs="?", metavar="CORPUS_DIR", help="corpus folder (default: seeds/)")
    check.add_argument("--seeds", help=argparse.SUPPRESS)  # the older spelling of CORPUS_DIR
    check.set_defaults(func=cmd_check)

    clean = sub.add_parser("clean", help="strip boilerplate from article files (.txt or .html)")
    clean.add_argument("--json", action="store_true", help="one JSON object per file (JSON Lines)")
    clean.add_argument("paths", nargs="+", metavar="PATH")
    clean.set_defaults(func=cmd_clean)

    annotate = sub.add_parser("annotate", help="the text layer of article files: voices, sentences, tokens, hits")
    annotate.add_argument("--json", action="store_true", help="one JSON object per file (JSON Lines)")
    annotate.add_argument("--no-clean", action="store_true", help="annotate the text as it is, without boilerplate removal")
    annotate.add_argument("paths", nargs="+", metavar="PATH")
    annotate.set_defaults(func=cmd_annotate)

    export = sub.add_parser("export", help="write the book's derived tables as CSV")
    export.add_argument("outdir")
    export.add_argument("--seeds", help="seeds folder (default: found from the working directory)")
    export.set_defaults(func=cmd_export)

    build = sub.add_parser("build", help="execute the notebooks and build the book (strict)")
    build.add_argument("--root", default=".")
    build.set_defaults(func=cmd_build)

    bench = sub.add_parser("bench", help="time the book build and the cleaner -> _build/bench.json")
    bench.add_argument("--root", default=".")
    bench.add_argument("--skip-build", action="store_true", help="time the cleaner only")
    bench.add_argument("--articles", type=int, metavar="N",
                       help="instead: the whole analysis on a synthetic corpus of N articles, per backend")
    bench.add_argument("--backend", action="append", choices=["serial", "processes", "dask"],
                       help="with --articles: only these backends (repeatable; default all)")

    analyze = sub.add_parser("analyze", help="every per-article table of a corpus of any size, streamed to CSV")
    analyze.add_argument("corpus", metavar="CORPUS_DIR", help="a folder with sources.csv, or of .txt/.html files")
    analyze.add_argument("outdir", metavar="OUTDIR")
    analyze.add_argument("--backend", default="serial", choices=["serial", "processes", "dask"],
                         help="serial (default), a process pool over every core, or Dask")
    analyze.add_argument("--scheduler", metavar="ADDRESS",
                         help="with --backend dask: a running scheduler (tcp://host:8786); default a local cluster")
    analyze.add_argument("--quiet", action="store_true", help="no progress bar")
    analyze.set_defaults(func=cmd_analyze)
    bench.set_defaults(func=cmd_bench)

    validate = sub.add_parser("validate", help="score every measure on public gold data -> newscorpus/data/validation/")
    validate.add_argument("--data", metavar="DIR", help="the gold data (default: ../shared/evaluation beside the repository)")
    validate.add_argument("--only", action="append", metavar="MEASURE",
                          help="rerun only this scorer (repeatable); the others' committed scores are kept")
    validate.set_defaults(func=cmd_validate)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except CorpusError as exc:
        _error(str(exc))
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # `python -m newscorpus clean ... | head`
        return 0
