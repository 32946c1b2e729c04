package dev.osprey.sweeper.space;

import dev.osprey.composer.compose.ConfigRepository;
import dev.osprey.composer.compose.Composer;
import dev.osprey.composer.override.Overrides;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.space.CategoricalDistribution;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.sweeper.SweepPlan;
import dev.osprey.sweeper.multirun.SweepInputs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The search space that the options of config groups declare under {@code osprey: params:}. */
class ConditionalSpacesTest {

    @TempDir
    Path conf;

    @BeforeEach
    void configs() throws IOException {
        write("config.yaml", """
                defaults:
                  - model: resnet
                  - optimizer: adam
                  - _self_
                seed: 0
                """);
        write("model/resnet.yaml", """
                name: resnet
                depth: 18
                osprey:
                  params:
                    model.depth: choice(18, 34, 50)
                """);
        write("model/vit.yaml", """
                defaults:
                  - vit/attention: local
                name: vit
                patch_size: 16
                osprey:
                  params:
                    model.patch_size: choice(8, 16, 32)
                """);
        write("model/vit/attention/local.yaml", """
                kind: local
                window: 3
                osprey:
                  params:
                    model.vit.attention.window: range(3, 9, 2)
                """);
        write("model/vit/attention/global.yaml", """
                kind: global
                """);
        write("optimizer/adam.yaml", """
                lr: 0.001
                beta: 0.9
                osprey:
                  params:
                    optimizer.beta: interval(0.8, 0.99)
                """);
    }

    private void write(String path, String text) throws IOException {
        Path file = conf.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private SweepInputs inputs(String... overrides) {
        return SweepInputs.forSweep(new Composer(ConfigRepository.fromDirectory(conf)), "config",
                Overrides.parseAll(List.of(overrides)));
    }

    private ConditionalSpace space(String... overrides) {
        return inputs(overrides).space().orElseThrow();
    }

    @Test
    void eachOptionOfASweptGroupBringsItsOwnParametersAndTheDefaultsOfOtherGroupsAlwaysApply() {
        ConditionalSpace space = space("model=choice(resnet,vit)", "optimizer.lr=tag(log,interval(1e-4,1e-1))");
        assertTrue(space.isConditional());
        assertEquals("""
                model: choice(resnet,vit)                                (command line)
                  resnet -> model.depth: choice(18, 34, 50)              (model/resnet.yaml)
                  vit    -> model.patch_size: choice(8, 16, 32)          (model/vit.yaml)
                            model.vit.attention.window: range(3, 9, 2)   (model/vit/attention/local.yaml)
                optimizer.lr: tag(log,interval(1e-4,1e-1))               (command line)
                optimizer.beta: interval(0.8, 0.99)                      (optimizer/adam.yaml)
                """, space.describe());
        SearchTree.Branching model = (SearchTree.Branching) space.tree().roots().get(0);
        assertEquals(List.of("model.depth"), model.branch("resnet").stream().map(SearchTree.Node::name).toList());
        assertEquals(List.of("model.patch_size", "model.vit.attention.window"),
                model.branch("vit").stream().map(SearchTree.Node::name).toList());
        assertEquals(List.of("model", "model.depth", "model.patch_size", "model.vit.attention.window", "optimizer.lr",
                "optimizer.beta"), List.copyOf(space.sweeps().keySet()));
    }

    @Test
    void anOptionThatIsTheGroupsDefaultHasItsParametersInEveryTrial() {
        ConditionalSpace space = space("optimizer.lr=interval(0.001,0.1)");
        assertFalse(space.isConditional());
        assertEquals(List.of("optimizer.lr", "model.depth", "optimizer.beta"), List.copyOf(space.sweeps().keySet()));
        assertEquals(List.of("optimizer.lr", "model.patch_size", "model.vit.attention.window", "optimizer.beta"),
                List.copyOf(space("optimizer.lr=interval(0.001,0.1)", "model=vit").sweeps().keySet()));
    }

    @Test
    void anOptionMaySweepAGroupItBringsWhoseOptionsDeclareParametersAgain() throws IOException {
        write("model/vit.yaml", """
                defaults:
                  - vit/attention: local
                name: vit
                patch_size: 16
                osprey:
                  params:
                    model.patch_size: choice(8, 16, 32)
                    model/vit/attention: choice(local, global)
                """);
        ConditionalSpace space = space("model=choice(resnet,vit)");
        assertEquals("""
                model: choice(resnet,vit)                                           (command line)
                  resnet -> model.depth: choice(18, 34, 50)                         (model/resnet.yaml)
                  vit    -> model.patch_size: choice(8, 16, 32)                     (model/vit.yaml)
                            model/vit/attention: choice(local, global)              (model/vit.yaml)
                              local -> model.vit.attention.window: range(3, 9, 2)   (model/vit/attention/local.yaml)
                optimizer.beta: interval(0.8, 0.99)                                 (optimizer/adam.yaml)
                """, space.describe());
    }

    @Test
    void theCommandLineReplacesAnOptionsSweepWhereTheOptionDeclaresItAndAFixedValueIsNotSearched() {
        ConditionalSpace space = space("model=choice(resnet,vit)", "model.patch_size=choice(4,8)", "optimizer.beta=0.9");
        SearchTree.Branching model = (SearchTree.Branching) space.tree().roots().get(0);
        assertEquals(1, space.tree().roots().size(), "the command line's patch size stays under vit: " + space.describe());
        SearchTree.Node patch = model.branch("vit").get(0);
        assertEquals(new CategoricalDistribution(List.of(4L, 8L)), patch.distribution());
        assertEquals("command line", patch.origin());
        assertFalse(space.sweeps().containsKey("optimizer.beta"));
    }

    @Test
    void aParameterDeclaredWithTwoDistributionsNamesBothFiles() throws IOException {
        write("model/resnet.yaml", """
                name: resnet
                osprey:
                  params:
                    model.width: choice(64, 128)
                """);
        write("model/vit.yaml", """
                name: vit
                osprey:
                  params:
                    model.width: choice(32, 64)
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> space("model=choice(resnet,vit)"));
        assertTrue(e.getMessage().contains("model/resnet.yaml") && e.getMessage().contains("model/vit.yaml"),
                e.getMessage());
        write("model/vit.yaml", """
                name: vit
                osprey:
                  params:
                    model.width: 64,128
                """);
        SearchTree.Branching model = (SearchTree.Branching) space("model=choice(resnet,vit)").tree().roots().get(0);
        assertEquals(model.branch("resnet"), List.of(new SearchTree.Parameter("model.width",
                new CategoricalDistribution(List.of(64L, 128L)), "model/resnet.yaml")), "shared, with one distribution");
        assertEquals("model.width", model.branch("vit").get(0).name());
    }

    @Test
    void aDeclarationThatIsNotASweepIsRefusedWithItsFile() throws IOException {
        write("model/vit.yaml", """
                name: vit
                osprey:
                  params:
                    model.patch_size: 16
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> space("model=choice(resnet,vit)"));
        assertTrue(e.getMessage().startsWith("model/vit.yaml: osprey.params.model.patch_size is '16'"), e.getMessage());
    }

    @Test
    void anOptionThatDoesNotComposeLeavesTheOthersTheirParametersAndItsTrialsToFail() throws IOException {
        write("model/broken.yaml", """
                defaults:
                  - /nowhere: missing
                osprey:
                  params:
                    model.size: choice(1, 2)
                """);
        SearchTree.Branching model = (SearchTree.Branching) space("model=choice(resnet,broken)").tree().roots().get(0);
        assertEquals("model.depth", model.branch("resnet").get(0).name());
        assertEquals("model.size", model.branch("broken").get(0).name());
    }

    @Test
    void theOptionsOspreyNodeNeverReachesTheJobsConfig() {
        assertFalse(inputs("model=vit").baseConfig().has("model.osprey"), inputs("model=vit").baseConfig().toYaml());
        assertFalse(inputs().baseConfig().has("optimizer.osprey"));
        assertTrue(inputs().baseConfig().has("optimizer.beta"));
    }

    @Test
    void eachTrialSuggestsOnlyTheParametersOfTheBranchesItTakes() {
        ConditionalSpace space = space("model=choice(resnet,vit)");
        SweepPlan.Search plan = new SweepPlan.Search(space.tree());
        try (Study study = Study.builder().name("branches").sampler(plan.tpe()).seed(3).create()) {
            for (int i = 0; i < 30; i++) {
                var trial = study.ask();
                Map<String, Object> params = space.tree().sample(trial::suggest);
                study.tell(trial, params.get("model").equals("vit") ? 0.0 : 1.0);
            }
            for (TrialRecord t : study.trials()) {
                Set<String> expected = t.params().get("model").value().equals("vit")
                        ? Set.of("model", "model.patch_size", "model.vit.attention.window", "optimizer.beta")
                        : Set.of("model", "model.depth", "optimizer.beta");
                assertEquals(expected, t.params().keySet(), "trial " + t.number());
            }
        }
    }

    @Test
    void aConditionalGridRunsEachOptionWithItsOwnSubGrid() {
        ConditionalSpace space = space("model=choice(resnet,vit)", "optimizer.beta=0.9");
        var options = new Composer(ConfigRepository.fromDirectory(conf)).repository();
        List<Map<String, Object>> points = space.gridPoints(options::options);
        List<Map<String, Object>> expected = new ArrayList<>();
        for (long depth : new long[] {18, 34, 50}) {
            expected.add(point("model", "resnet", "model.depth", depth));
        }
        for (long patch : new long[] {8, 16, 32}) {
            for (long window : new long[] {3, 5, 7}) {
                expected.add(point("model", "vit", "model.patch_size", patch, "model.vit.attention.window", window));
            }
        }
        assertEquals(expected, points);
        SweepPlan.Grid grid = new SweepPlan.Grid(points, space.gridTree(options::options));
        assertEquals(Samplers.grid(points), grid.sampler());
    }

    private static Map<String, Object> point(Object... keysAndValues) {
        Map<String, Object> point = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            point.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return point;
    }

}
