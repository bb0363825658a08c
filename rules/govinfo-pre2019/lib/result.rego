# Shared helpers for the pack's rules: building violations and reading facts.
package reportlint.lib.result

# text is a message in both languages, {"zh": zh, "en": en}; the run's language picks
# one. A plain string is a message that is the same in both (a note already written in
# the run's language). msg and a related fact's message may be either.
text(zh, en) := {"zh": zh, "en": en}

# fail is a violation at the fact `at`.
fail(msg, at) := {"msg": msg, "at": at}

# fail_related is a violation at `at` that also points at the facts in `related`
# (a list of {"ref", "message"} objects).
fail_related(msg, at, related) := {"msg": msg, "at": at, "related": related}

# compared adds the two values a violation compared: what the rule derives (a sum, the
# table's figure) and what the report gives; numbers or strings.
compared(v, expected, actual) := object.union(v, {"expected": expected, "actual": actual})

# with_level overrides the rule's default level for one violation.
with_level(v, level) := object.union(v, {"level": level})

# not_assessable says the rule could not be decided at `at`.
not_assessable(msg, at) := {"msg": msg, "at": at, "not_assessable": true, "level": "note"}
