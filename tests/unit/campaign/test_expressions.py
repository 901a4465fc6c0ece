"""The campaign expression language: parsing, typing, errors with columns, evaluation."""

from __future__ import annotations

import copy
import dataclasses
import pickle
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.campaign import expressions
from game.campaign.expressions import (
    FUNCTIONS,
    MAX_DEPTH,
    MAX_LENGTH,
    MAX_NODES,
    VARIABLES,
    ExpressionError,
    Reference,
    parse_expression,
)


class FakeContext:
    """Answers calls from ``results`` (by (name, args) or by name) and records every request."""

    def __init__(self, results=None, player_id="GBR", **variables):
        self.player_id = player_id
        self.results = results or {}
        self.values = {"year": 1947, "turn": 3, "score": 10, **variables}
        self.calls = []

    def variable(self, name):
        self.calls.append(name)
        return self.values[name]

    def call(self, name, args):
        self.calls.append((name, args))
        default = False if FUNCTIONS[name].returns == "bool" else 0.5
        return self.results.get((name, args), self.results.get(name, default))


def evaluate(text, expect="bool", **context):
    return parse_expression(text, expect).evaluate(FakeContext(**context))


def error_of(text, expect="bool"):
    with pytest.raises(ExpressionError) as caught:
        parse_expression(text, expect)
    return caught.value


# --- precedence and evaluation ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1 + 2 * 3", 7.0),
        ("(1 + 2) * 3", 9.0),
        ("10 - 4 - 3", 3.0),
        ("12 / 3 / 2", 2.0),
        ("1 + 2 * 3 - 4 / 2", 5.0),
        ("-2 * 3", -6.0),
        ("2 * -3", -6.0),
        ("2 - -3", 5.0),
        ("- - 2", 2.0),
        ("-(1 + 2)", -3.0),
        ("year - 1900", 47.0),
        ("score / turn * 3", 10.0),
        ("012", 12.0),
    ],
)
def test_arithmetic_precedence_and_associativity(text, value):
    result = evaluate(text, "number")
    assert result == value
    assert type(result) is float


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("true or true and false", True),  # and binds tighter than or
        ("(true or true) and false", False),
        ("not false and false", False),  # not binds tighter than and
        ("not (false and false)", True),
        ("not 1 > 2", True),  # comparison binds tighter than not
        ("false or not false", True),
        ("not not true", True),
        ("1 + 1 == 2 and 2 * 2 >= 4", True),
        ("1 + 2 * 3 == 7", True),
        ("true == (1 < 2)", True),
        ("false != (1 <= 1)", True),
        ("'a' == \"a\"", True),
        ("'a' != 'b'", True),
        ("year >= 1947 and year < 1948", True),
        ("year > 1947 or turn == 3", True),
    ],
)
def test_boolean_precedence(text, value):
    assert evaluate(text) is value


def test_division_by_zero_gives_zero():
    assert evaluate("year / (turn - 3)", "number") == 0.0
    assert evaluate("1 / 0 + 5", "number") == 5.0


def test_results_are_coerced_to_the_declared_type():
    assert evaluate("allies(USA)", "number", results={"allies": 3}) == 3.0
    assert type(evaluate("allies(USA)", "number", results={"allies": 3})) is float
    assert evaluate("exists(USA)", results={"exists": 1}) is True
    assert type(evaluate("turn", "number")) is float


@pytest.mark.parametrize(
    ("text", "results", "value", "asked"),
    [
        ("flag('a') and flag('b')", {}, False, ["a"]),
        ("flag('a') or flag('b')", {("flag", ("a",)): True}, True, ["a"]),
        ("flag('a') and flag('b') and flag('c')", {("flag", ("a",)): True}, False, ["a", "b"]),
        ("flag('a') or flag('b') or flag('c')", {("flag", ("c",)): True}, True, ["a", "b", "c"]),
        ("flag('a') and flag('b') or flag('c')", {}, False, ["a", "c"]),
    ],
)
def test_and_or_short_circuit(text, results, value, asked):
    context = FakeContext(results=results)
    assert parse_expression(text).evaluate(context) is value
    assert context.calls == [("flag", (name,)) for name in asked]


def test_player_is_replaced_by_the_players_state():
    context = FakeContext(player_id="FRA", results={"allied": True})
    expression = parse_expression("allied(player, USA)")
    assert expression.evaluate(context) is True
    assert context.calls == [("allied", ("FRA", "USA"))]
    assert expression.references() == [Reference("state", "USA", 16)]


def test_state_ids_and_strings_reach_the_context_as_text():
    context = FakeContext()
    parse_expression('exists(012) or doctrine_is(NO, "bandwagon")').evaluate(context)
    assert context.calls == [("exists", ("012",)), ("doctrine_is", ("NO", "bandwagon"))]


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_every_function_can_be_called(name):
    spec = FUNCTIONS[name]
    examples = {"state": "USA", "doctrine": '"bandwagon"', "number": "2"}
    args = ", ".join(examples.get(kind, '"x"') for kind in spec.params)
    context = FakeContext()
    expression = parse_expression(f"{name}({args})", spec.returns)
    assert expression.result_type == spec.returns
    expression.evaluate(context)
    assert context.calls[0][0] == name


# --- references -----------------------------------------------------------------------------


def test_references_in_text_order_with_columns():
    text = (
        "threat(USSR, TUR) > 0.6 and flag(\"marshall_plan\") or fired('berlin') "
        'and in_era("cold_war") and achieved("win") and allied(player, 012) '
        'and doctrine_is(USA, "bandwagon")'
    )
    refs = parse_expression(text).references()
    assert [(r.kind, r.name) for r in refs] == [
        ("state", "USSR"),
        ("state", "TUR"),
        ("flag", "marshall_plan"),
        ("event", "berlin"),
        ("era", "cold_war"),
        ("objective", "win"),
        ("state", "012"),
        ("state", "USA"),
    ]
    assert refs[:3] == [
        Reference("state", "USSR", 8),
        Reference("state", "TUR", 14),
        Reference("flag", "marshall_plan", 35),
    ]
    for ref in refs:  # a reference's column is the first letter of its name
        assert text[ref.column - 1 :].startswith(ref.name)


def test_references_are_a_fresh_list():
    expression = parse_expression("exists(USA)")
    expression.references().clear()
    assert expression.references() == [Reference("state", "USA", 8)]


# --- errors ---------------------------------------------------------------------------------

_KNOWN = ", ".join(sorted(FUNCTIONS))


@pytest.mark.parametrize(
    ("text", "column", "message"),
    [
        ("", 1, "empty expression"),
        ("  \t", 1, "empty expression"),
        ("year > 1 @", 10, "unexpected character '@'"),
        ("$year", 1, "unexpected character '$'"),
        ("`year`", 1, "unexpected character '`'"),
        ('flag("x) and true', 6, "unterminated string (no closing quote)"),
        ("(year > 1", 10, "missing ')' for the '(' at column 1"),
        ("exists(USA", 11, "missing ')' for the '(' at column 7"),
        ("threat(A, ", 10, "missing ')' for the '(' at column 7"),
        ("(1 2) > 0", 4, "expected ')' to close the '(' at column 1, found '2'"),
        ("exists(A B)", 10, "expected ')' to close the '(' at column 7, found 'B'"),
        ("exists(USA + 1)", 12, "expected ')' to close the '(' at column 7, found '+'"),
        ("year > 1)", 9, "unmatched ')'"),
        ("year > 1 x", 10, "unexpected 'x' after the end of the expression"),
        ("year > 1 AND true", 10, "unexpected 'AND' after the end of the expression"),
        ("true 'x'", 6, "unexpected 'x' after the end of the expression"),
        ("year.real > 1", 5, "attribute access ('.') is not allowed"),
        ("os.system('x')", 3, "attribute access ('.') is not allowed"),
        ("exists(USA.x)", 11, "attribute access ('.') is not allowed"),
        ("year[0] > 1", 5, "subscripts ('[...]') are not allowed"),
        ("(year)(1) > 1", 7, "only named functions can be called"),
        ("exists(USA)(1)", 12, "only named functions can be called"),
        ("yaer > 1", 1, "unknown name 'yaer'; did you mean 'year'?"),
        ("Turn > 1", 1, "unknown name 'Turn'; did you mean 'turn'?"),
        ("days > 1", 1, "unknown name 'days'; variables are: score, turn, year"),
        ("True", 1, "unknown name 'True'; variables are: score, turn, year"),
        ("lambda: 1", 1, "unknown name 'lambda'; variables are: score, turn, year"),
        ("import os", 1, "unknown name 'import'; variables are: score, turn, year"),
        ("if year", 1, "unknown name 'if'; variables are: score, turn, year"),
        ("__builtins__", 1, "unknown name '__builtins__'; variables are: score, turn, year"),
        ("thret(USSR, TUR) > 0", 1, "unknown function 'thret'; did you mean 'threat'?"),
        ("Allied(USSR, TUR)", 1, "unknown function 'Allied'; did you mean 'allied'?"),
        ("alied(USSR, TUR)", 1, "unknown function 'alied'; did you mean 'allied'?"),
        ("boom(USSR) > 0", 1, f"unknown function 'boom'; known: {_KNOWN}"),
        ("__import__('os')", 1, f"unknown function '__import__'; known: {_KNOWN}"),
        ("player", 1, "'player' can only be used as a state argument, e.g. allied(player, USA)"),
        ("year = 1947", 6, "use '==' to compare"),
        ("year > 1 && true", 10, "use 'and' instead of '&&'"),
        ("year > 1 || true", 10, "use 'or' instead of '||'"),
        ("year > 1 & true", 10, "use 'and' instead of '&'"),
        ("!flag('x')", 1, "use 'not' instead of '!'"),
        ("2 ** 3 > 1", 3, "'**' is not supported"),
        ("1 < 2 < 3", 7, "comparisons cannot be chained; write 'a < b and b < c'"),
        ("year == 1 != true", 11, "comparisons cannot be chained; write 'a == b and b != c'"),
        (".5 > 0", 1, "numbers must start with a digit: write '0.5'"),
        ("3. > 1", 2, "a number needs digits after '.', e.g. '3.0'"),
        ("1abc > 0", 1, "invalid number '1abc'"),
        ("9" * 400 + " > 1", 1, "number is too large"),
        ("1 +", 4, "expected a value, found the end of the expression"),
        ("year > ", 7, "expected a value, found the end of the expression"),
        ("> 1", 1, "expected a value, found '>'"),
        ("year == not true", 9, "expected a value, found 'not'; put 'not ...' in parentheses"),
        ("threat(USSR) > 0", 1, "threat() takes 2 arguments (state, state), got 1"),
        ("allied(A, B, C)", 1, "allied() takes 2 arguments (state, state), got 3"),
        ("exists(A, B)", 1, "exists() takes 1 argument (state), got 2"),
        ("flag()", 1, "flag() takes 1 argument (string), got 0"),
        ("doctrine_is(USA)", 1, "doctrine_is() takes 2 arguments (state, string), got 1"),
        (
            "threat('USSR', TUR) > 0",
            8,
            "argument 1 of threat() must be a state id such as USSR or player; "
            "write state ids without quotes",
        ),
        ("exists(1.5)", 8, "argument 1 of exists() must be a state id such as USSR or player"),
        ("exists(true)", 8, "argument 1 of exists() must be a state id such as USSR or player"),
        (
            "exists(power(USA))",
            8,
            "argument 1 of exists() must be a state id such as USSR or player",
        ),
        (
            "allied(USA, (TUR))",
            13,
            "argument 2 of allied() must be a state id such as USSR or player",
        ),
        (
            "flag(marshall_plan)",
            6,
            'argument 1 of flag() must be a quoted flag id such as "marshall_plan"',
        ),
        (
            "fired('a' + 'b')",
            7,
            'argument 1 of fired() must be a quoted event id such as "berlin_blockade"',
        ),
        ("flag('')", 6, "the flag id must not be empty"),
        (
            "doctrine_is(USA, 'realism')",
            18,
            "unknown doctrine 'realism'; known: balance_of_power, balance_of_threat, bandwagon",
        ),
        ("exists(USA, ", 11, "expected ')' to close the '(' at column 7, found ','"),
        ("exists(@)", 8, "unexpected character '@'"),
        ("flag('x' @", 10, "unexpected character '@'"),
    ],
)
def test_errors_have_a_message_and_a_column(text, column, message):
    error = error_of(text)
    assert (error.column, error.message) == (column, message)


@pytest.mark.parametrize(
    ("text", "expect", "column", "message"),
    [
        ("1 and true", "bool", 1, "'and' needs bool operands, got a number"),
        ("true and 1", "bool", 10, "'and' needs bool operands, got a number"),
        ("true or 'x'", "bool", 9, "'or' needs bool operands, got a string"),
        ("not 1", "bool", 5, "'not' needs a bool operand, got a number"),
        ("-true", "number", 2, "'-' needs a number operand, got a bool"),
        ("true + 1", "number", 1, "'+' needs number operands, got a bool"),
        ("1 + 'a'", "number", 5, "'+' needs number operands, got a string"),
        ("2 * exists(USA)", "number", 5, "'*' needs number operands, got a bool"),
        ("'a' < 1", "bool", 1, "'<' needs number operands, got a string"),
        ("1 >= true", "bool", 6, "'>=' needs number operands, got a bool"),
        ("true == 1", "bool", 6, "'==' needs both sides of the same type, got a bool and a number"),
        (
            "'a' != 1",
            "bool",
            5,
            "'!=' needs both sides of the same type, got a string and a number",
        ),
        (
            "year",
            "bool",
            1,
            "expected a condition (true or false), but the expression gives a number",
        ),
        (
            "'x'",
            "bool",
            1,
            "expected a condition (true or false), but the expression gives a string",
        ),
        ("year > 1", "number", 1, "expected a number, but the expression gives a bool"),
    ],
)
def test_type_errors(text, expect, column, message):
    error = error_of(text, expect)
    assert (error.column, error.message) == (column, message)


def test_expression_error_is_a_value_error_and_pickles():
    error = error_of("yaer > 1")
    assert isinstance(error, ValueError)
    assert str(error) == error.message
    copied = pickle.loads(pickle.dumps(error))
    assert (copied.message, copied.column, str(copied)) == (error.message, 1, error.message)


def test_programming_errors_are_not_expression_errors():
    with pytest.raises(ValueError, match="expect"):
        parse_expression("true", expect="string")
    with pytest.raises(TypeError):
        parse_expression(True)  # type: ignore[arg-type]


# --- size and depth caps --------------------------------------------------------------------


def test_too_long():
    assert parse_expression("true" + " or true" * 62).text.__len__() == MAX_LENGTH
    error = error_of("true" + " or true" * 62 + " ")
    assert error.column == MAX_LENGTH + 1
    assert error.message == f"expression is too long (501 characters; the limit is {MAX_LENGTH})"


def test_ten_thousand_brackets_fail_fast_on_length():
    error = error_of("(" * 10_000 + "1" + ")" * 10_000)
    assert error.column == MAX_LENGTH + 1


@pytest.mark.parametrize(
    ("text", "column"),
    [
        ("(" * 10_000 + "true" + ")" * 10_000, MAX_DEPTH + 1),
        ("not " * 10_000 + "true", 4 * MAX_DEPTH + 1),
        ("-" * 10_000 + "1 > 0", MAX_DEPTH + 1),
    ],
)
def test_deep_nesting_is_refused_while_parsing(monkeypatch, text, column):
    # Lift the length cap so the depth check itself is what stops the parser.
    monkeypatch.setattr(expressions, "MAX_LENGTH", 100_000)
    error = error_of(text)  # refused at the depth limit, not after building the whole tree
    assert error.column == column
    assert error.message == f"expression is nested too deeply (the limit is {MAX_DEPTH} levels)"


def test_depth_limits_are_inclusive():
    assert evaluate("(" * MAX_DEPTH + "1" + ")" * MAX_DEPTH, "number") == 1.0
    assert evaluate("-" * (MAX_DEPTH - 1) + "1", "number") == -1.0
    # 24 minus signs nest 24 levels while parsing but make a tree 25 nodes deep.
    assert error_of("-" * MAX_DEPTH + "1", "number").column == 1


def test_long_flat_chains_stay_shallow():
    expression = parse_expression(" and ".join(["true"] * 40))
    assert expression.evaluate(FakeContext()) is True


def test_node_cap():
    assert evaluate("+".join(["1"] * (MAX_NODES - 1)), "number") == MAX_NODES - 1
    error = error_of("+".join(["1"] * (MAX_NODES + 1)), "number")
    assert error.column == 2 * MAX_NODES + 1  # the 201st number
    assert error.message == f"expression is too large (more than {MAX_NODES} parts)"


# --- the Expression object and the documented allow-list ------------------------------------


def test_expression_is_immutable_comparable_and_copyable():
    expression = parse_expression("threat(USSR, TUR) > 0.6")
    assert str(expression) == "threat(USSR, TUR) > 0.6"
    assert expression == parse_expression("threat(USSR, TUR) > 0.6")
    assert hash(expression) == hash(parse_expression("threat(USSR, TUR) > 0.6"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        expression.text = "true"  # type: ignore[misc]
    for clone in (copy.deepcopy(expression), pickle.loads(pickle.dumps(expression))):
        assert clone.evaluate(FakeContext(results={"threat": 0.7})) is True
        assert clone.references() == expression.references()


def test_allow_list_is_documented():
    assert set(FUNCTIONS) == {
        "threat", "allied", "allies", "power", "military", "stability", "intentions",
        "exists", "doctrine_is", "flag", "fired", "in_era", "achieved", "playing",
        "member", "principal_threat", "min", "max",
    }  # fmt: skip
    assert FUNCTIONS["threat"].signature == "threat(state, state) -> number"
    assert FUNCTIONS["doctrine_is"].signature == "doctrine_is(state, string) -> bool"
    assert all(spec.doc and spec.name == name for name, spec in FUNCTIONS.items())
    assert set(VARIABLES) == {"year", "turn", "score"}
    assert all(VARIABLES.values())
    with pytest.raises(TypeError):
        FUNCTIONS["eval"] = FUNCTIONS["flag"]  # type: ignore[index]


# --- fuzzing ------------------------------------------------------------------------------

_FRAGMENTS = [
    "threat(", "allied(", "flag(", "doctrine_is(", "exists(", "power(", "(", ")", ",", " ",
    " and ", " or ", "not ", "true", "false", "player", "year", "turn", "USSR", "012", "1",
    "0.6", "'x'", '"bandwagon"', '""', "+", "-", "*", "/", "<", "<=", ">", "==", "!=", "=",
    ".", "[", "]", "@", "$", "`", "&&", "||", "!", "'", '"', "__import__", "lambda", "\t",
    "\n", "é", "\x00",
]  # fmt: skip
_TEXTS = st.one_of(
    st.text(alphabet=string.printable + "é\x00", max_size=80),
    st.lists(st.sampled_from(_FRAGMENTS), max_size=40).map("".join),
)


@settings(max_examples=600, deadline=None)
@given(_TEXTS)
def test_any_text_parses_or_raises_expression_error(text):
    for expect in ("bool", "number"):
        try:
            expression = parse_expression(text, expect)
        except ExpressionError as error:
            assert 1 <= error.column <= len(text) + 1
            assert error.message and str(error) == error.message
            continue
        assert expression.result_type == expect
        assert expression._root.depth <= MAX_DEPTH  # bounds evaluation's recursion
        value = expression.evaluate(FakeContext())
        assert type(value) is (bool if expect == "bool" else float)
        for ref in expression.references():
            assert ref.name in text[ref.column - 1 :][: len(ref.name) + 1]
