package dev.osprey.composer.interpolation;

import dev.osprey.composer.config.Config;
import dev.osprey.composer.value.ConfigValue;
import dev.osprey.composer.value.ConfigValue.FloatValue;
import dev.osprey.composer.value.ConfigValue.IntValue;
import dev.osprey.composer.value.ConfigValue.MapValue;
import dev.osprey.composer.value.ConfigValue.StringValue;
import dev.osprey.composer.interpolation.Template.Call;
import dev.osprey.composer.interpolation.Template.Literal;
import dev.osprey.composer.interpolation.Template.Reference;
import dev.osprey.composer.yaml.YamlLoader;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InterpolationTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);

    private static Config yaml(String text) {
        return Config.of(YamlLoader.loadConfig(text, "test.yaml"));
    }

    private static Resolvers resolvers() {
        return Resolvers.standard(Map.of("USER", "ana", "EMPTY", "")::get, CLOCK,
                Map.of("job.num", 3, "trial.number", 17, "study.name", "mnist", "output_dir", "/runs/mnist/3"));
    }

    private static Config resolve(String text) {
        return yaml(text).resolve(resolvers());
    }

    private static InterpolationException failure(String text) {
        return assertThrows(InterpolationException.class, () -> resolve(text));
    }

    // --- parsing ---

    @Test
    void parsesStringInterpolationIntoPieces() {
        Template t = Template.parse("lr_${optimizer.lr}_${seed}");
        assertEquals(4, t.pieces().size());
        assertEquals(new Literal("lr_", "lr_"), t.pieces().get(0));
        assertInstanceOf(Reference.class, t.pieces().get(1));
        assertEquals("${optimizer.lr}", t.pieces().get(1).source());
        assertNull(t.whole());
        assertInstanceOf(Reference.class, Template.parse("${seed}").whole());
    }

    @Test
    void parsesResolverCallWithNestedArguments() {
        Call call = (Call) Template.parse("${oc.env:HOME, ${a.b}}").whole();
        assertEquals("oc.env", call.name());
        assertEquals(2, call.arguments().size());
        assertTrue(call.arguments().get(0).value().isLiteral());
        assertInstanceOf(Reference.class, call.arguments().get(1).value().whole());
        assertEquals(0, ((Call) Template.parse("${now:}").whole()).arguments().size());
    }

    @Test
    void escapedInterpolationIsLiteral() {
        Template t = Template.parse("cost \\${a} and ${b}");
        assertEquals(new Literal("cost ${a} and ", "cost \\${a} and "), t.pieces().get(0));
        assertTrue(Template.parse("plain \\${x}").isLiteral());
        assertFalse(Template.hasInterpolation("just $HOME"));
    }

    @Test
    void malformedInterpolationsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Template.parse("${a.b"));
        assertThrows(IllegalArgumentException.class, () -> Template.parse("${}"));
        InterpolationException e = failure("x: ab${c\n");
        assertTrue(e.getMessage().contains("closed with '}'"), e.getMessage());
        assertTrue(e.getMessage().contains("value at 'x'"), e.getMessage());
    }

    // --- references and types ---

    @Test
    void wholeValueInterpolationKeepsTheType() {
        Config c = resolve("""
                seed: 42
                lr: 1e-3
                flag: true
                db: {host: localhost, port: 3306}
                tags: [a, b]
                s: ${seed}
                l: ${lr}
                f: ${flag}
                d: ${db}
                t: ${tags}
                first: ${tags[0]}
                port: ${db.port}
                """);
        assertEquals(new IntValue(42), c.get("s"));
        assertInstanceOf(FloatValue.class, c.get("l"));
        assertTrue(c.getBoolean("f"));
        assertEquals(c.get("db"), c.get("d"));
        assertInstanceOf(MapValue.class, c.get("d"));
        assertEquals(List.of("a", "b"), c.getList("t"));
        assertEquals("a", c.getString("first"));
        assertEquals(3306, c.getInt("port"));
    }

    @Test
    void stringInterpolationMakesAString() {
        Config c = resolve("""
                optimizer: {lr: 0.001, momentum: 1e-5}
                seed: 7
                on: true
                name: lr_${optimizer.lr}_${seed}
                m: "m=${optimizer.momentum} ${on}"
                text: "literal \\\\${seed} but ${seed}"
                """);
        assertEquals("lr_0.001_7", c.getString("name"));
        assertEquals("m=1e-05 True", c.getString("m"));
        assertEquals("literal ${seed} but 7", c.getString("text"));
    }

    @Test
    void relativeReferencesStartAtTheNodeHoldingTheValue() {
        Config c = resolve("""
                model:
                  width: 64
                  twice: ${.width}
                  layer:
                    size: ${..width}
                    name: l_${.size}
                  items: [10, "${..width}"]
                """);
        assertEquals(64, c.getInt("model.twice"));
        assertEquals(64, c.getInt("model.layer.size"));
        assertEquals("l_64", c.getString("model.layer.name"));
        assertEquals(List.of(10L, 64L), c.getList("model.items"));
    }

    @Test
    void chainsAndReferencesThroughInterpolatedNodes() {
        Config c = resolve("""
                a: ${b}
                b: ${c}
                c: {x: 5}
                y: ${a.x}
                key: x
                z: ${c.${key}}
                """);
        assertEquals(5, c.getInt("y"));
        assertEquals(5, c.getInt("z"));
        assertEquals(5, c.getInt("a.x"));
    }

    @Test
    void missingReferenceNamesTheInterpolationAndThePath() {
        InterpolationException e = failure("db: {url: 'jdbc://${db.host}'}\n");
        assertEquals("Interpolation '${db.host}' at 'db.url': key 'db.host' not found", e.getMessage());
        assertEquals("db.url", e.path());
        assertEquals("${db.host}", e.interpolation());
        assertTrue(failure("a: ???\nb: ${a}\n").getMessage().contains("'a' is a missing mandatory value (???)"));
        assertTrue(failure("a: {b: '${...x}'}\n").getMessage().contains("goes above the root"));
    }

    @Test
    void cyclesShowTheChain() {
        InterpolationException e = failure("a: ${b}\nb: ${a}\n");
        assertEquals("Interpolation cycle: a -> b -> a", e.getMessage());
        InterpolationException self = failure("a: {b: '${a}'}\n");
        assertEquals("Interpolation cycle: a -> a.b -> a", self.getMessage());
        assertEquals("Interpolation cycle: x -> y -> z -> x",
                failure("x: v_${y}\ny: ${z}\nz: ${x}\n").getMessage());
    }

    @Test
    void containerInsideAStringIsAnError() {
        assertTrue(failure("m: {a: 1}\ns: x_${m}\n").getMessage().contains("a map cannot be part of a string"));
    }

    @Test
    void resolveLeavesOtherValuesAndModeAlone() {
        Config raw = yaml("a: 1\nb: ???\nc: $HOME\n").asStruct();
        Config resolved = raw.resolve(resolvers());
        assertEquals(raw, resolved);
        assertTrue(resolved.isStruct());
        assertTrue(resolved.isMissing("b"));
    }

    // --- resolvers ---

    @Test
    void envResolverReadsTheInjectedEnvironment() {
        Config c = resolve("""
                user: ${oc.env:USER}
                home: ${oc.env:NO_SUCH_VAR,/tmp/home}
                none: ${oc.env:NO_SUCH_VAR,null}
                port: ${oc.env:NO_SUCH_VAR,5432}
                quoted: ${oc.env:NO_SUCH_VAR,'a,b'}
                dir: /data/${oc.env:USER}/x
                """);
        assertEquals("ana", c.getString("user"));
        assertEquals("/tmp/home", c.getString("home"));
        assertTrue(c.get("none") instanceof ConfigValue.NullValue);
        assertEquals("5432", c.getString("port"));
        assertEquals("a,b", c.getString("quoted"));
        assertEquals("/data/ana/x", c.getString("dir"));
    }

    @Test
    void envWithoutDefaultNamesTheVariable() {
        InterpolationException e = failure("token: ${oc.env:API_TOKEN}\n");
        assertEquals("Interpolation '${oc.env:API_TOKEN}' at 'token': resolver 'oc.env' failed: "
                + "environment variable 'API_TOKEN' is not set and no default was given", e.getMessage());
    }

    @Test
    void nowUsesTheClockAndADateTimeFormatterPattern() {
        Config c = resolve("dir: outputs/${now:yyyy-MM-dd}/${now:HH-mm-ss}\n");
        assertEquals("outputs/2026-03-04/05-06-07", c.getString("dir"));
    }

    @Test
    void runtimeValuesComeFromTheCaller() {
        Config c = resolve("""
                job: ${osprey:job.num}
                trial: t${osprey:trial.number}
                study: ${osprey:study.name}
                out: ${osprey:output_dir}/model.pt
                """);
        assertEquals(3, c.getInt("job"));
        assertEquals("t17", c.getString("trial"));
        assertEquals("mnist", c.getString("study"));
        assertEquals("/runs/mnist/3/model.pt", c.getString("out"));
        assertTrue(failure("x: ${osprey:job.id}\n").getMessage()
                .contains("the runtime value 'job.id' is not set"));
    }

    @Test
    void userResolversGetTypedAndNestedArguments() {
        Resolvers r = resolvers()
                .register("mul", args -> ConfigValue.of(Resolvers.number(args, 0) * Resolvers.number(args, 1)))
                .register("my.join", args -> new StringValue(args.stream()
                        .map(a -> a.typeName() + ":" + a.toPlain()).reduce((x, y) -> x + "|" + y).orElse("")));
        Config c = yaml("""
                a: 3
                b: {c: 4}
                product: ${mul:${a},${b.c}}
                nested: ${mul:${mul:2,${a}}, 0.5}
                kinds: ${my.join:1, 2.5, true, null, text, "7", x${a}}
                """).resolve(r);
        assertEquals(12.0, c.getDouble("product"));
        assertEquals(3.0, c.getDouble("nested"));
        assertEquals("int:1|float:2.5|boolean:true|null:null|string:text|string:7|string:x3", c.getString("kinds"));
        assertThrows(IllegalArgumentException.class, () -> r.register("mul", args -> null));
    }

    @Test
    void unknownResolverIsAnError() {
        assertEquals("Interpolation '${foo:1}' at 'x': Unsupported interpolation type 'foo' (no resolver of that name)",
                failure("x: ${foo:1}\n").getMessage());
    }

    @Test
    void resolveAtResolvesOnlyWhatItNeeds() {
        MapValue root = yaml("a: ${b}\nb: 2\nbroken: ${nope}\n").root();
        assertEquals(new IntValue(2), Interpolator.resolveAt(root, List.of("a"), resolvers()));
        assertNull(Interpolator.resolveAt(root, List.of("zz"), resolvers()));
    }

    @Test
    void getResolvedResolvesLazily() {
        Config c = yaml("a: ${b.c}\nb: {c: 2}\nm: ???\nbroken: ${nope}\n");
        assertEquals(new IntValue(2), c.getResolved("a", resolvers()));
        assertThrows(dev.osprey.composer.config.ConfigKeyException.class, () -> c.getResolved("zz", resolvers()));
        assertThrows(dev.osprey.composer.config.MissingValueException.class, () -> c.getResolved("m", resolvers()));
        assertThrows(InterpolationException.class, () -> c.getResolved("broken", resolvers()));
    }

    @Test
    void nowTranslatesHydrasStrftimePatterns() {
        Config c = resolve("""
                run: outputs/${now:%Y-%m-%d}/${now:%H-%M-%S}
                both: ${now:%Y-%m-%d}_${now:yyyy}
                """);
        assertEquals("outputs/2026-03-04/05-06-07", c.getString("run"));
        assertEquals("2026-03-04_2026", c.getString("both"));
    }

    @Test
    void nowMapsWhatEachStrftimeDirectiveMeans() {
        Config c = resolve("""
                all: "${now:%y|%I|%p|%f|%b|%B|%a|%A|%j|%z|%Z|%%}"
                text: ${now:at %Hh 'quoted' [x]}
                """);
        assertEquals("26|05|AM|000000|Mar|March|Wed|Wednesday|063|+0000|Z|%", c.getString("all"));
        assertEquals("at 05h 'quoted' [x]", c.getString("text"));
    }

    @Test
    void nowNamesAnUnsupportedStrftimeDirective() {
        String message = failure("d: ${now:%Y-%U}\n").getMessage();
        assertTrue(message.contains("strftime directive '%U' in '%Y-%U' is not supported; supported: %Y %y %m %d %H"),
                message);
        assertTrue(failure("d: ${now:%c}\n").getMessage().contains("'%c'"));
        assertTrue(failure("d: ${now:%Y%}\n").getMessage().contains("ends with a lone '%'"));
    }
}
