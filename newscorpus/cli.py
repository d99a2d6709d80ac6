"""``python -m newscorpus``: the book's functions for scripts and other tools.

Every command reports bad input as one line, ``error: <file or option>: <problem>``, on stderr
and exits with status 2 (130 when interrupted by Ctrl-C, 143 by SIGTERM); nothing is written to
the seeds folder.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from pathlib import Path

from .errors import CorpusError, UsageError, printable

EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what a shell reports for Ctrl-C
EXIT_TERMINATED = 143  # 128 + SIGTERM


class Terminated(BaseException):
    """SIGTERM, raised where the program is, so that every ``with`` block (a process pool, a Dask
    cluster, an output folder's lock) closes on the way out."""


def _terminate(signum, frame):
    raise Terminated()


def _error(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)


def cmd_check(args: argparse.Namespace) -> int:
    from .check import check_corpus

    notes: list[str] = []
    articles, problems = check_corpus(args.corpus or args.seeds, notes=notes)
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    for problem in problems:
        _error(str(problem))
    if problems:
        return EXIT_BAD_INPUT
    print(f"ok: {len(articles)} articles, {articles['outlet'].nunique()} outlets")
    return 0


def cmd_clean(args: argparse.Namespace) -> int:
    from .cleaning import clean_file

    from .budget import OverBudget, article_budget, over_budget_problem

    status = 0
    for name in args.paths:
        try:
            with article_budget():
                article = clean_file(Path(name))
        except CorpusError as exc:
            _error(f"{printable(name)}: {exc.problem}")  # name the file as the user typed it
            status = EXIT_BAD_INPUT
            continue
        except OverBudget:
            _error(f"{printable(name)}: {over_budget_problem()}")
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

    # A corpus that fails the check never reaches the build, so _build/ stays as it was. The
    # notebooks read NEWSCORPUS_SEEDS when it is set: the check must be of that same folder.
    seeds = Path(args.root) / "seeds"
    chosen = os.environ.get("NEWSCORPUS_SEEDS")
    if chosen and Path(chosen).resolve() != seeds.resolve():
        raise UsageError("NEWSCORPUS_SEEDS", f"is set to {chosen}, but the book is built from {seeds}: unset it "
                         "(`unset NEWSCORPUS_SEEDS`) or put the corpus in the book's seeds/ folder")
    _, problems = check_corpus(seeds)
    for problem in problems:
        _error(str(problem))
    if problems:
        return EXIT_BAD_INPUT
    return build(args.root).returncode


def cmd_bench(args: argparse.Namespace) -> int:
    if args.articles is not None:
        from .scale_bench import run_scale_bench

        if args.articles < 1:
            raise UsageError("--articles", f"{args.articles} is not a number of articles: give 1 or more "
                             "(e.g. --articles 10000)")
        backends = args.backend or None
        run_scale_bench(Path(args.root) / "seeds", args.articles, backends,
                        out=Path(args.root) / "_build" / f"bench_scale_{args.articles}.jsonl")
        return 0
    from .book.bench import run_archive_bench, run_bench

    if args.archive:
        archive = Path(args.archive)
        if not (archive / "sources.csv").is_file():
            raise UsageError("--archive", f"{archive} has no sources.csv: give a corpus folder as `check` accepts it")
        return run_archive_bench(Path(args.root), archive)
    return run_bench(Path(args.root), skip_build=args.skip_build)


def cmd_analyze(args: argparse.Namespace) -> int:
    from .pipeline import analyse_to_folder

    if args.chunk is not None and args.chunk < 1:
        raise UsageError("--chunk", f"{args.chunk} is not a number of articles per task: give 1 or more")
    failed = []
    written = analyse_to_folder(args.corpus, args.outdir, backend=args.backend, scheduler=args.scheduler,
                                progress=not args.quiet, **({"chunk": args.chunk} if args.chunk else {}),
                                on_error=lambda file, problem: (failed.append(file), _error(f"{printable(file)}: {problem}")),
                                on_resume=lambda done, total: print(f"resuming: {done} of {total} chunks already done",
                                                                    file=sys.stderr))
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
    bench.add_argument("--archive", metavar="DIR",
                       help="instead: build the book from the corpus in DIR (clean, then unchanged) and record "
                            "the times and the largest page against the archive goals in _build/bench.json")

    analyze = sub.add_parser("analyze", help="every per-article table of a corpus of any size, streamed to CSV")
    analyze.add_argument("corpus", metavar="CORPUS_DIR", help="a folder with sources.csv, or of .txt/.html files")
    analyze.add_argument("outdir", metavar="OUTDIR")
    analyze.add_argument("--backend", default="serial", choices=["serial", "processes", "dask"],
                         help="serial (default), a process pool over every core, or Dask")
    analyze.add_argument("--scheduler", metavar="ADDRESS",
                         help="with --backend dask: a running scheduler (tcp://host:8786); default a local cluster")
    analyze.add_argument("--quiet", action="store_true", help="no progress bar")
    analyze.add_argument("--chunk", type=int, default=None, help=argparse.SUPPRESS)  # articles per task (tests)
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
    previous = signal.signal(signal.SIGTERM, _terminate) if _main_thread() else None
    try:
        return args.func(args)
    except CorpusError as exc:
        _error(str(exc))
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # `python -m newscorpus clean ... | head`
        return 0
    except KeyboardInterrupt:
        _error(f"{args.command}: interrupted (Ctrl-C); nothing half-written was left in place, run it again to "
               "finish" if args.command == "analyze" else f"{args.command}: interrupted (Ctrl-C)")
        return EXIT_INTERRUPTED
    except Terminated:
        _error(f"{args.command}: stopped by SIGTERM")
        return EXIT_TERMINATED
    except OSError as exc:  # the file system refused: name the file, never a traceback
        where = printable(str(exc.filename)) if exc.filename else args.command
        _error(f"{where}: {exc.strerror or exc}: check that the path exists and that you may read or write it")
        return EXIT_BAD_INPUT
    except Exception as exc:  # noqa: BLE001 - a failure we did not foresee still gets one line
        if type(exc).__name__ not in ("WorkerLost", "KilledWorker", "FutureCancelledError", "CommClosedError"):
            raise
        _error(f"{args.command}: {' '.join(str(exc).split())[:300]}")
        return EXIT_BAD_INPUT
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()
