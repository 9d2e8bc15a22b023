package dev.kafkaspool.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import dev.kafkaspool.engine.RecordingStatus;

class ExtraFieldsTest {
    private final RecordingStatus status = new RecordingStatus();
    private final Map<String, String> env = Map.of("CLUSTER", "eu-1", "REGION", "eu-west", "EMPTY", "");
    private final Map<String, String> sys = Map.of("app.version", "2.4.1");

    @Test
    void parsesKeyValuePairsInTheirOrderIgnoringSpaces() {
        Map<String, String> fields = resolve(" team = payments , cluster=eu-1,zone=a ");
        assertEquals(Map.of("team", "payments", "cluster", "eu-1", "zone", "a"), fields);
        assertEquals(List.of("team", "cluster", "zone"), List.copyOf(fields.keySet()));
        assertTrue(status.messages().isEmpty(), status.messages()::toString);
    }

    @Test
    void aBackslashMakesTheNextCharacterLiteral() {
        Map<String, String> fields = resolve("owners=alice\\, bob,path=C:\\\\logs,a\\=b=c,price=\\${env:CLUSTER},"
                + "padded=\\ x\\ ");
        assertEquals("alice, bob", fields.get("owners"));
        assertEquals("C:\\logs", fields.get("path"));
        assertEquals("c", fields.get("a=b"));
        assertEquals("${env:CLUSTER}", fields.get("price"), "an escaped ${ is no reference");
        assertEquals(" x ", fields.get("padded"), "escaped spaces are kept");
    }

    @Test
    void aValueMayHoldEqualsSignsAndBeEmpty() {
        assertEquals(Map.of("query", "a=1&b=2", "empty", ""), resolve("query=a=1&b=2,empty="));
    }

    @Test
    void substitutesEnvironmentVariablesAndSystemProperties() {
        Map<String, String> fields = resolve("cluster=${env:CLUSTER},where=${env:CLUSTER}/${env:REGION}-x,"
                + "version=v${sys:app.version}");
        assertEquals("eu-1", fields.get("cluster"));
        assertEquals("eu-1/eu-west-x", fields.get("where"));
        assertEquals("v2.4.1", fields.get("version"));
        assertTrue(status.messages().isEmpty(), status.messages()::toString);
    }

    @Test
    void aDefaultAppliesWhenTheVariableIsUnsetOrEmpty() {
        Map<String, String> fields = resolve("a=${env:MISSING:-fallback},b=${env:EMPTY:-fallback},"
                + "c=${env:CLUSTER:-fallback},d=${sys:missing:-x\\}y},e=${env:MISSING:-},f=${env:MISSING:-a,b}");
        assertEquals("fallback", fields.get("a"));
        assertEquals("fallback", fields.get("b"));
        assertEquals("eu-1", fields.get("c"));
        assertEquals("x}y", fields.get("d"));
        assertEquals("", fields.get("e"), "an empty default is a default");
        assertEquals("a,b", fields.get("f"), "a comma inside ${...} needs no escape");
        assertTrue(status.messages().isEmpty(), status.messages()::toString);
    }

    @Test
    void unresolvableReferencesBecomeEmptyAndAreReportedOnce() {
        Map<String, String> fields = resolve("team=${env:TEAM},version=v${sys:missing.version},empty=${env:EMPTY}");
        assertEquals(Map.of("team", "", "version", "v", "empty", ""), fields);
        List<String> warnings = status.warnings();
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).contains("${env:TEAM} in 'team', ${sys:missing.version} in 'version'"),
                warnings.get(0));
        assertTrue(!warnings.get(0).contains("EMPTY"), "a variable set to empty is resolved: " + warnings.get(0));
    }

    @Test
    void aLookupThatFailsCountsAsUnset() {
        Function<String, String> forbidden = name -> {
            throw new SecurityException("no access to " + name);
        };
        Map<String, String> fields = ExtraFields.parse("a=${env:X:-dflt},b=${sys:y}").resolve(forbidden, forbidden,
                status);
        assertEquals(Map.of("a", "dflt", "b", ""), fields);
        assertEquals(1, status.warnings().size());
    }

    @Test
    void emptyFieldsAreSkipped() {
        assertEquals(Map.of("a", "1", "b", "2"), resolve(",a=1,, ,b=2,"));
        assertSame(ExtraFields.none(), ExtraFields.parse(" , "));
    }

    @Test
    void noneResolvesToAnEmptyImmutableMap() {
        Map<String, String> fields = ExtraFields.none().resolve(env::get, sys::get, status);
        assertTrue(ExtraFields.none().isEmpty());
        assertTrue(fields.isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> fields.put("a", "b"));
    }

    @Test
    void theResolvedMapIsImmutable() {
        Map<String, String> fields = resolve("a=1");
        assertThrows(UnsupportedOperationException.class, () -> fields.put("b", "2"));
    }

    @Test
    void rejectsMalformedTextSayingWhatIsWrong() {
        assertEquals("'team' has no '=' between key and value", problem("team"));
        assertEquals("'=x' has no key before '='", problem("a=1,=x"));
        assertEquals("the key 'a' is given twice", problem("a=1, a = 2"));
        assertEquals("'${env:A' has no closing '}'", problem("a=${env:A"));
        assertEquals("'${env:A:-${env:B}}': a reference cannot hold another; the default after :- is taken "
                + "literally", problem("a=${env:A:-${env:B}}"));
        assertEquals("${CLUSTER} says neither env: nor sys:, as in ${env:CLUSTER}", problem("a=${CLUSTER}"));
        assertEquals("${vault:x} looks up 'vault'; only env (environment variables) and sys (system properties) "
                + "exist", problem("a=${vault:x}"));
        assertEquals("${env:} names no environment variable", problem("a=${env:}"));
        assertEquals("the key 'k${env:X}' holds a reference; only values can", problem("k${env:X}=1"));
        assertEquals("ends with a lone backslash; write \\\\ for a backslash", problem("a=b\\"));
    }

    @Test
    void keepsTheConfiguredTextForStatusMessages() {
        assertEquals("team=payments,cluster=${env:CLUSTER}", ExtraFields.parse("team=payments,cluster=${env:CLUSTER}")
                .toString());
    }

    private Map<String, String> resolve(String text) {
        return ExtraFields.parse(text).resolve(env::get, sys::get, status);
    }

    private static String problem(String text) {
        return assertThrows(IllegalArgumentException.class, () -> ExtraFields.parse(text)).getMessage();
    }
}
