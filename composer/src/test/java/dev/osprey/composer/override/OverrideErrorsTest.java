package dev.osprey.composer.override;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Error reports: Hydra's reason, the column of the offending token, and what was expected there. */
class OverrideErrorsTest {

    private static OverrideParseException error(String override) {
        return assertThrows(OverrideParseException.class, () -> Overrides.parse(override));
    }

    @Test
    void missingEqualsAfterAKey() {
        OverrideParseException e = error("+key");
        assertEquals("missing EQUAL at '<EOF>'", e.reason());
        assertEquals(5, e.column());
        assertEquals("'='", e.expected());
    }

    @Test
    void whitespaceInAKeyIsABadCharacter() {
        OverrideParseException e = error("key =1");
        assertEquals("token recognition error at: ' '", e.reason());
        assertEquals(4, e.column());
        assertTrue(e.expected().startsWith("a key"), e.expected());
    }

    @Test
    void aKeySegmentCannotStartWithADigit() {
        OverrideParseException e = error("1key=1");
        assertEquals("token recognition error at: '1k'", e.reason());
        assertEquals(1, e.column());
    }

    @Test
    void junkAfterACompleteValue() {
        OverrideParseException e = error("key=a=b");
        assertEquals("mismatched input '=' expecting <EOF>", e.reason());
        assertEquals(6, e.column());
        assertEquals("end of input", e.expected());
        assertEquals("extraneous input ')' expecting <EOF>", error("key=choice(a))").reason());
    }

    @Test
    void malformedFirstElementReportsTheTextFromTheValueStart() {
        OverrideParseException e = error("key=[1,2,]");
        assertEquals("no viable alternative at input '[1,2,]'", e.reason());
        assertEquals(10, e.column());
        assertEquals("a value", e.expected());
        assertEquals("no viable alternative at input '{a:1,'", error("key={a:1,").reason());
    }

    @Test
    void malformedLaterElementOfASweep() {
        OverrideParseException e = error("key=a,[1,2");
        assertEquals("extraneous input '<EOF>' expecting {COMMA, BRACKET_CLOSE}", e.reason());
        assertEquals(11, e.column());
        assertEquals("',' or ']'", e.expected());
    }

    @Test
    void groupPathSegmentsAreNames() {
        OverrideParseException e = error("a/b.c=1");
        assertEquals("mismatched input 'b.c' expecting ID", e.reason());
        assertEquals(3, e.column());
    }

    @Test
    void unclosedQuoteRunsToTheEnd() {
        OverrideParseException e = error("key='abc");
        assertEquals("token recognition error at: ''abc'", e.reason());
        assertEquals(5, e.column());
        assertTrue(e.expected().contains("closing '"), e.expected());
    }

    @Test
    void nonAsciiLettersMustBeQuoted() {
        assertEquals("token recognition error at: 'é'", error("key=é").reason());
        assertEquals("שלום", ((Element.QuotedString) Overrides.parse("key='שלום'").value()).text());
    }

    @Test
    void functionErrorsNameTheCallAndHaveNoExpectation() {
        OverrideParseException e = error("key=[1, int(x)]");
        assertEquals("ValueError while evaluating 'int(x)': invalid literal for int() with base 10: 'x'", e.reason());
        assertEquals(9, e.column());
        assertNull(e.expected());
        assertEquals("TypeError while evaluating 'range(1,2,3,4)': too many positional arguments",
                error("key=range(1,2,3,4)").reason());
        assertEquals("HydraException while evaluating 'CHOICE(1,2)': Unknown function 'CHOICE'\nAvailable: "
                + "bool,choice,extend_list,float,glob,int,interval,json_str,range,shuffle,sort,str,tag\n",
                error("key=CHOICE(1,2)").reason());
    }

    @Test
    void syntaxErrorsComeBeforeFunctionErrors() {
        OverrideParseException e = error("key=choice(),a,");
        assertTrue(e.reason().startsWith("mismatched input '<EOF>' expecting {':', BRACKET_OPEN,"), e.reason());
        assertEquals(16, e.column(), "the missing last element is reported, not the empty choice");
    }

    @Test
    void sweepsNestedInContainersAreRejected() {
        OverrideParseException e = error("key=[choice(1,2)]");
        assertEquals("issubclass() arg 1 must be a class\nthe sweep 'choice(1,2)' cannot be nested in a list: a sweep"
                + " must be the whole value or a function argument", e.reason());
        assertEquals(6, e.column());
    }

    @Test
    void messageCombinesOverrideReasonColumnAndExpectation() {
        assertEquals("Error parsing override 'key=a=b': mismatched input '=' expecting <EOF>"
                + " (column 6: expected end of input)", error("key=a=b").getMessage());
    }

    @Test
    void parseAllGivesTheIndexOfTheBadOverride() {
        OverrideParseException e = assertThrows(OverrideParseException.class,
                () -> Overrides.parseAll(List.of("a=1", "b=[")));
        assertEquals(1, e.index());
        assertEquals("b=[", e.input());
        assertTrue(e.getMessage().startsWith("Error parsing override #1 'b=['"), e.getMessage());
    }

    @Test
    void choiceTakesNoNullArgumentButASimpleSweepMayHoldOne() {
        assertEquals("TypeError while evaluating 'choice(null)': mismatch type argument args[0]: NoneType is"
                + " incompatible with Union[str, int, float, bool, Dict[Any, Any], List[Any], ChoiceSweep]",
                error("x=choice(null)").reason());
        assertTrue(error("x=choice(1,null)").reason().contains("args[1]: NoneType"));
        assertEquals(ValueType.SIMPLE_CHOICE_SWEEP, Overrides.parse("x=1,null").valueType());
        assertEquals(ValueType.CHOICE_SWEEP, Overrides.parse("x=choice([null])").valueType());
    }

    @Test
    void sweepsNestedInASimpleSweepOrAChoiceCarryHydrasTextThenAHint() {
        assertEquals("issubclass() arg 1 must be a class\nthe sweep 'interval(0,1)' cannot be nested in an item of a"
                + " simple sweep (a,b,c): a sweep must be the whole value or a function argument",
                error("x=1,interval(0,1)").reason());
        assertEquals("issubclass() arg 1 must be a class\nchoice() cannot hold a sweep among other values (args[1]):"
                + " nesting choices is not supported; a sweep must be the whole value or a function argument",
                error("x=choice(1,choice(2,3))").reason());
        assertEquals("ValueError while evaluating 'choice(choice(a,b))': nesting choices is not supported",
                error("x=choice(choice(a,b))").reason());
    }

    @Test
    void tagArgumentsAreTypeCheckedBeforeTheCallAsInHydra() {
        assertEquals("TypeError while evaluating 'tag(1,choice(a))': mismatch type argument args[0]: int is"
                + " incompatible with Union[str, Sweep]", error("x=tag(1,choice(a))").reason());
        assertEquals("TypeError while evaluating 'tag(a,sweep=glob(*))': mismatch type argument sweep: Glob is"
                + " incompatible with Optional[Sweep]", error("x=tag(a,sweep=glob(*))").reason());
        assertEquals("ValueError while evaluating 'tag(a,choice(a),choice(b))': tag arguments type must be string,"
                + " got ChoiceSweep", error("x=tag(a,choice(a),choice(b))").reason());
        assertEquals("ValueError while evaluating 'tag(log,a)': Last argument to tag() must be a choice(), range() or"
                + " interval(), got NoneType", error("x=tag(log,a)").reason());
    }
}
