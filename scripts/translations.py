"""The plugin's Qt Linguist files: find every translatable string, keep the .ts files in step, compile.

    python scripts/translations.py update          # e84_segment/i18n/e84_segment_<lang>.ts from the code
    python scripts/translations.py status          # how many strings each language still lacks
    python scripts/translations.py compile DIR     # .qm files into DIR (lrelease; make package does this)
    python scripts/translations.py fill LANG FILE  # translations from a JSON {source: translation}

What counts as translatable is what e84_segment/i18n.py says reaches Qt's translate at run time:
``tr("...")``, ``i18n.tr("...")``, the marker ``N_("...")`` or the template of ``said(Kind, "...")`` (context ``e84_segment``), ``self.tr("...")`` in a Qt class (context: the class, or the
dock for the tab classes it is made of), an algorithm's ``TITLE``, the ``GROUPS`` names, the literal a
``shortHelpString`` returns, the description and ``options`` of ``QgsProcessingParameter*`` and
``QgsProcessingOutput*`` definitions, and every string of the Designer forms (context: the form's class).
Translations already made are kept when the code changes; strings no longer in the code are dropped.
"""
import argparse
import ast
import json
import re
import shutil
import string
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Dict, Iterator, List, Tuple

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "e84_segment"
FOLDER = PACKAGE / "i18n"
CONTEXT = "e84_segment"
LANGUAGES = {"fr": "fr_FR", "es": "es_ES"}
Message = Tuple[str, str]  # (context, source)


def _literal(node) -> str:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _qt_classes(trees: Dict[Path, ast.Module]) -> Dict[str, str]:
    """Class name -> the context Qt's tr() uses for it: its own name, or for a plain mixin (the dock's
    tabs) the name of the Qt class it is mixed into."""
    contexts = {}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                contexts.setdefault(node.name, node.name)
                bases = [b.id for b in node.bases if isinstance(b, ast.Name)]
                if any(b.startswith("Q") for b in bases):
                    for base in bases:
                        if not base.startswith("Q") and base != "FORM":
                            contexts[base] = node.name
    return contexts


class _Finder(ast.NodeVisitor):
    def __init__(self, contexts: Dict[str, str], found: List[Message], problems: List[str], where: str):
        self.contexts, self.found, self.problems, self.where = contexts, found, problems, where
        self.classes: List[str] = []
        self.function = None

    def add(self, context: str, node) -> None:
        text = _literal(node)
        if text is not None and text.strip():
            self.found.append((context, text))

    def visit_ClassDef(self, node):  # noqa: N802 (ast's name)
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_FunctionDef(self, node):  # noqa: N802
        outer, self.function = self.function, node.name
        self.generic_visit(node)
        self.function = outer

    def visit_Assign(self, node):  # noqa: N802
        names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        if self.classes and self.function is None and "TITLE" in names:
            self.add(CONTEXT, node.value)
        if "GROUPS" in names and isinstance(node.value, ast.Dict):
            for value in node.value.values:
                self.add(CONTEXT, value)
        self.generic_visit(node)

    def visit_Return(self, node):  # noqa: N802
        if self.function == "shortHelpString" and node.value is not None:
            if _literal(node.value) is None:
                self.problems.append(f"{self.where}:{node.lineno}: shortHelpString returns no plain literal: it cannot be translated")
            self.add(CONTEXT, node.value)
        self.generic_visit(node)

    def visit_Call(self, node):  # noqa: N802
        function = node.func
        name = function.id if isinstance(function, ast.Name) else function.attr if isinstance(function, ast.Attribute) else ""
        module_tr = isinstance(function, ast.Attribute) and isinstance(function.value, ast.Name) and function.value.id == "i18n"
        if (isinstance(function, ast.Name) or module_tr) and name in ("tr", "N_") and node.args:
            self.add(CONTEXT, node.args[0])
        elif isinstance(function, ast.Name) and name == "said" and len(node.args) > 1:
            self.add(CONTEXT, node.args[1])
        elif (isinstance(function, ast.Attribute) and name == "tr" and isinstance(function.value, ast.Name)
              and function.value.id == "self" and node.args and self.classes):
            self.add(self.contexts.get(self.classes[-1], self.classes[-1]), node.args[0])
        elif name.startswith(("QgsProcessingParameter", "QgsProcessingOutput")):
            if len(node.args) > 1:
                self.add(CONTEXT, node.args[1])
            for keyword in node.keywords:
                if keyword.arg == "description":
                    self.add(CONTEXT, keyword.value)
                elif keyword.arg == "options" and isinstance(keyword.value, (ast.List, ast.Tuple)):
                    for option in keyword.value.elts:
                        self.add(CONTEXT, option)
        self.generic_visit(node)


def messages(package: Path = PACKAGE) -> Tuple[List[Message], List[str]]:
    """Every translatable (context, source) in the package, in file order, once; and the problems found."""
    files = sorted(package.rglob("*.py"))
    trees = {path: ast.parse(path.read_text(encoding="utf-8"), str(path)) for path in files}
    contexts = _qt_classes(trees)
    found: List[Message] = []
    problems: List[str] = []
    for path, tree in trees.items():
        _Finder(contexts, found, problems, str(path.relative_to(package.parent))).visit(tree)
    for form in sorted(package.rglob("*.ui")):
        root = ElementTree.parse(form).getroot()
        context = root.findtext("class")
        for string in root.iter("string"):
            if string.get("notr") != "true" and (string.text or "").strip():
                found.append((context, string.text))
    return list(dict.fromkeys(found)), problems


def _fields(text: str) -> List[str]:
    return [f"{{{name}{':' + spec if spec else ''}}}" for _, name, spec, _ in string.Formatter().parse(text) if name is not None]


def _names(text: str) -> List[str]:
    return sorted(set(re.findall(r"\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|\b[A-Z]{4,}\b", text)))


def mismatches(source: str, translation: str) -> List[str]:
    """What a translation must keep of its source: the str.format fields (``{}`` in order), the parameter
    NAMEs help texts refer to (they become the dialog's labels), and the spaces at either end."""
    problems = []
    ours, theirs = _fields(source), _fields(translation)
    if "{}" not in ours:  # named fields may move where the language puts them; {} must keep their order
        ours, theirs = sorted(ours), sorted(theirs)
    if ours != theirs:
        problems.append(f"format fields {_fields(source)} became {_fields(translation)}")
    if _names(source) != _names(translation):
        problems.append(f"names {_names(source)} became {_names(translation)}")
    # French sets a space before ; : ! ? where English has none.
    french_space = re.match(r" [;:!?]", translation) and not source.startswith(" ")
    for edge, strip in (("leading", str.lstrip), ("trailing", str.rstrip)):
        if (len(source) - len(strip(source))) != (len(translation) - len(strip(translation))) and not (
                edge == "leading" and french_space):
            problems.append(f"{edge} spaces differ")
    return problems


def ts_path(language: str, folder: Path = FOLDER) -> Path:
    return folder / f"e84_segment_{language}.ts"


def read(path: Path) -> Dict[Message, Tuple[str, bool]]:
    """(context, source) -> (translation, finished)."""
    if not path.is_file():
        return {}
    table = {}
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            table[(name, message.findtext("source"))] = (translation.text or "", translation.get("type") is None)
    return table


def write(path: Path, language: str, found: List[Message], table: Dict[Message, Tuple[str, bool]]) -> None:
    root = ElementTree.Element("TS", version="2.1", language=LANGUAGES[language], sourcelanguage="en")
    by_context: Dict[str, List[str]] = {}
    for context, source in found:
        by_context.setdefault(context, []).append(source)
    for context in sorted(by_context):
        element = ElementTree.SubElement(root, "context")
        ElementTree.SubElement(element, "name").text = context
        for source in by_context[context]:
            message = ElementTree.SubElement(element, "message")
            ElementTree.SubElement(message, "source").text = source
            translation, finished = table.get((context, source), ("", False))
            node = ElementTree.SubElement(message, "translation")
            node.text = translation
            if not finished or not translation:
                node.set("type", "unfinished")
    ElementTree.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                       + ElementTree.tostring(root, encoding="unicode") + "\n", encoding="utf-8")
    partial.replace(path)


def update(folder: Path = FOLDER) -> Dict[str, Tuple[int, int]]:
    """Brings every .ts in step with the code: {language: (strings, still untranslated)}."""
    found, problems = messages()
    for problem in problems:
        print(problem, file=sys.stderr)
    counts = {}
    for language in LANGUAGES:
        table = read(ts_path(language, folder))
        write(ts_path(language, folder), language, found, table)
        missing = sum(1 for m in found if not table.get(m, ("", False))[1] or not table.get(m, ("", False))[0])
        counts[language] = (len(found), missing)
    return counts


def fill(language: str, translations: Dict[str, str], folder: Path = FOLDER) -> int:
    """Sets translations by source text (every context that has it); returns how many were set."""
    found, _ = messages()
    table = read(ts_path(language, folder))
    done = 0
    for message in found:
        if message[1] in translations:
            table[message] = (translations[message[1]], True)
            done += 1
    write(ts_path(language, folder), language, found, table)
    return done


def compile_to(output: Path, folder: Path = FOLDER) -> List[Path]:
    lrelease = shutil.which("lrelease") or shutil.which("lrelease-qt5") or shutil.which("lrelease-qt6")
    if lrelease is None:
        sys.exit("lrelease not found: install qttools5-dev-tools (make setup does)")
    output.mkdir(parents=True, exist_ok=True)
    made = []
    for language in LANGUAGES:
        qm = output / f"e84_segment_{language}.qm"
        subprocess.run([lrelease, "-silent", str(ts_path(language, folder)), "-qm", str(qm)], check=True)
        made.append(qm)
    return made


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("update")
    sub.add_parser("status")
    compile_parser = sub.add_parser("compile")
    compile_parser.add_argument("output", type=Path)
    fill_parser = sub.add_parser("fill")
    fill_parser.add_argument("language", choices=sorted(LANGUAGES))
    fill_parser.add_argument("json", type=Path)
    args = parser.parse_args(argv)
    if args.command == "update":
        for language, (total, missing) in update().items():
            print(f"{language}: {total} strings, {missing} untranslated")
    elif args.command == "status":
        found, problems = messages()
        for language in LANGUAGES:
            table = read(ts_path(language))
            missing = [m for m in found if not table.get(m, ("", False))[1]]
            print(f"{language}: {len(found)} strings, {len(missing)} untranslated")
        return 1 if problems else 0
    elif args.command == "compile":
        for path in compile_to(args.output):
            print(path)
    else:
        print(f"{fill(args.language, json.loads(args.json.read_text(encoding='utf-8')))} set")
    return 0


if __name__ == "__main__":
    sys.exit(main())
