"""Reading and checking content files: every error names the file and the field.

Not pydantic (weighed for issue 13): it would give the same checks (types, choices, unknown fields refused, the
path of a wrong value), but its messages ("Input should be a valid integer") are written for programmers, and the
editors who write content/ read these ("field 'arms[0].enrolled' must be a whole number, found str: 'forty'").
"""

from explainer.core.languages import LANGUAGE_CODES as LANGUAGES

DEFAULT_LANGUAGE = LANGUAGES[0]


class ContentError(Exception):
    def __init__(self, path, field, message):
        self.path, self.field, self.message = str(path), field, message
        super().__init__(f"{self.path}: field '{field}' {message}" if field else f"{self.path}: {message}")


TYPE_NAMES = {
    str: "text",
    int: "a whole number",
    bool: "true or false",
    list: "a list",
    dict: "a mapping",
    float: "a number",
}


def describe(type_):
    if isinstance(type_, tuple):
        return " or ".join(TYPE_NAMES.get(t, t.__name__) for t in type_)
    return TYPE_NAMES.get(type_, type_.__name__)


class Fields:
    """A mapping read from a content file, with typed accessors that raise ContentError naming the field."""

    def __init__(self, path, data, prefix=""):
        self.path, self.prefix = path, prefix
        if not isinstance(data, dict):
            raise ContentError(path, prefix or None, f"expected a mapping of fields, found {type(data).__name__}")
        self.data = data
        self.used = set()

    def name(self, key):
        return f"{self.prefix}.{key}" if self.prefix else str(key)

    def error(self, key, message):
        return ContentError(self.path, self.name(key), message)

    def get(self, key, type_, required=True, default=None):
        self.used.add(key)
        if key not in self.data or self.data[key] is None or self.data[key] == "":
            if required:
                raise self.error(key, "is required")
            return default
        value = self.data[key]
        if type_ is int and isinstance(value, bool) or not isinstance(value, type_):
            raise self.error(key, f"must be {describe(type_)}, found {type(value).__name__}: {value!r}"[:200])
        if isinstance(value, str):
            value = value.strip()
        return value

    def choice(self, key, choices, required=True, default=None):
        value = self.get(key, str, required=required, default=default)
        if value is not None and value not in choices:
            raise self.error(key, f"must be one of {', '.join(choices)}; found {value!r}")
        return value

    def nested(self, key, required=True):
        value = self.get(key, dict, required=required)
        return Fields(self.path, value, self.name(key)) if value is not None else None

    def by_language(self, key, required=True, default=None):
        """A mapping whose keys must be the site's languages."""
        value = self.get(key, dict, required=required, default=default)
        unknown = set(value or ()) - set(LANGUAGES)
        if unknown:
            raise self.error(key, f"has an unknown language {sorted(unknown)[0]!r}; use {' and '.join(LANGUAGES)}")
        return value

    def translated(self, key, required=True, required_languages=None):
        """A {language: text} mapping. `required_languages` default to all languages when the field is required."""
        value = self.by_language(key, required=required)
        if value is None:
            return {}
        result = {}
        for language in LANGUAGES:
            text = value.get(language)
            if text is None or text == "":
                if required and language in (required_languages or LANGUAGES):
                    raise ContentError(self.path, f"{self.name(key)}.{language}", "is required")
                continue
            if not isinstance(text, str):
                raise ContentError(
                    self.path, f"{self.name(key)}.{language}", f"must be text, found {type(text).__name__}"
                )
            result[language] = text.strip()
        return result

    def translated_lists(self, key):
        """{language: [text, …]}: each language's own list of short texts (optional field)."""
        value = self.by_language(key, required=False, default={})
        lists = {}
        for language, items in value.items():
            if not isinstance(items, list) or not all(isinstance(item, str) and item.strip() for item in items):
                raise ContentError(self.path, f"{self.name(key)}.{language}", "must be a list of non-empty texts")
            lists[language] = [" ".join(item.split()) for item in items]
        return lists

    def check_no_unknown(self):
        unknown = set(self.data) - self.used
        if unknown:
            raise self.error(sorted(map(str, unknown))[0], "is not a known field (check its spelling)")
