package dev.osprey.sweeper.space;

import dev.osprey.composer.compose.Composer;
import dev.osprey.composer.config.Config;
import dev.osprey.composer.override.ConfigOverride;
import dev.osprey.composer.override.Element;
import dev.osprey.composer.override.OverrideKind;
import dev.osprey.composer.override.OverrideParseException;
import dev.osprey.composer.override.Overrides;
import dev.osprey.composer.value.ConfigValue;
import dev.osprey.optimizer.space.CategoricalDistribution;
import dev.osprey.optimizer.space.Distribution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * Reads the search space that the options of config groups declare, next to the values they tune:
 *
 * <pre>
 * # conf/model/vit.yaml
 * patch_size: 16
 * osprey:
 *   params:
 *     model.patch_size: choice(8, 16, 32)
 * </pre>
 *
 * <p>The rules:
 * <ul>
 * <li>The parameters of an option of a <b>swept</b> group ({@code model=choice(resnet,vit)}) exist
 *     only in the trials that choose that option: they form its branch of the {@link SearchTree}.</li>
 * <li>The parameters of an option that a group has without being swept (its default, or a fixed
 *     {@code model=vit}) exist in every trial.</li>
 * <li>Groups that an option brings into the defaults list (its own defaults) belong to its branch;
 *     an option may also declare a sweep of such a group ({@code model/vit/attention: choice(local,global)}),
 *     whose options again declare parameters.</li>
 * <li>The command line and the primary config's {@code osprey.sweeper.params} win: a parameter they
 *     sweep takes their sweep, in the place an option declares it (so it stays conditional); a
 *     parameter they fix is not searched.</li>
 * <li>Two options may declare one parameter with the same distribution (it is shared); with two
 *     distributions it is an error naming both files.</li>
 * </ul>
 *
 * <p>Which groups an option brings is found by composing the config with each option chosen, so a
 * sweep of a group with n options composes n times before the sweep starts.
 *
 * @since 0.2
 */
public final class ConditionalSpaces {

    /** The key of a group option that holds Osprey's declarations. */
    public static final String NODE = "osprey";

    /**
     * A sweep and where it was written.
     *
     * @param sweep  the parsed sweep override
     * @param origin for people: {@code command line}, {@code training.yaml}, {@code model/vit.yaml}
     */
    public record Declared(ConfigOverride sweep, String origin) {
        public Declared {
            Objects.requireNonNull(sweep, "sweep");
            Objects.requireNonNull(origin, "origin");
            if (!sweep.isSweep()) {
                throw new IllegalArgumentException("'" + sweep.input() + "' (" + origin + ") is not a sweep");
            }
        }

        String name() {
            return sweep.keyElement();
        }
    }

    private final Composer composer;
    private final String configName;
    private final Set<String> fixedKeys = new HashSet<>();
    private final Map<String, Declared> explicit = new LinkedHashMap<>();
    /** Explicit sweeps that took the place of an option's declaration below the top level. */
    private final Set<String> placedBelow = new HashSet<>();
    private final Map<String, Declared> registry = new LinkedHashMap<>();
    private final Map<String, Distribution> distributions = new HashMap<>();
    private final Map<String, List<Declared>> optionCache = new HashMap<>();

    private ConditionalSpaces(Composer composer, String configName) {
        this.composer = composer;
        this.configName = configName;
    }

    /**
     * The search space of a sweep: the explicit sweeps, and what the options of the config groups
     * declare.
     *
     * @param fixed    the job's fixed overrides (Osprey's own settings left out)
     * @param explicit the sweeps of the command line and of {@code osprey.sweeper.params}, in order
     * @throws IllegalArgumentException for a declaration that is not a sweep, or a parameter declared
     *                                  with two distributions (an option that does not compose brings
     *                                  nothing: its trials fail with the composer's error, as they would
     *                                  without declarations)
     */
    public static ConditionalSpace of(Composer composer, String configName, List<ConfigOverride> fixed,
                                      List<Declared> explicit) {
        ConditionalSpaces builder = new ConditionalSpaces(composer, configName);
        for (ConfigOverride o : fixed) {
            builder.fixedKeys.add(o.key());
        }
        explicit.forEach(d -> builder.explicit.put(d.name(), d));
        return builder.build(fixed);
    }

    private ConditionalSpace build(List<ConfigOverride> fixed) {
        Map<String, String> base = choices(fixed);
        List<SearchTree.Node> roots = level(fixed, base, List.copyOf(explicit.values()), Set.of(), true);
        roots.removeIf(n -> placedBelow.contains(n.name()) && explicit.containsKey(n.name()));
        SearchTree tree = new SearchTree(roots);
        Map<String, ConfigOverride> sweeps = new LinkedHashMap<>();
        tree.distributions().keySet().forEach(name -> sweeps.put(name, registry.get(name).sweep()));
        return new ConditionalSpace(tree, sweeps);
    }

    /**
     * The parameters of one level: the sweeps given there, then those declared by the options it
     * holds (group key to option) that no sweep of this level decides.
     */
    private List<SearchTree.Node> level(List<ConfigOverride> context, Map<String, String> options, List<Declared> given,
                                        Set<String> onPath, boolean top) {
        Map<String, Map<Object, Map<String, String>>> splits = new LinkedHashMap<>();
        Map<String, String> splitKeys = new HashMap<>();
        Set<String> ownedBelow = new HashSet<>();
        Map<String, Declared> here;
        while (true) {
            here = new LinkedHashMap<>();
            for (Declared d : given) {
                if (!ownedBelow.contains(choiceKey(d.sweep()))) {
                    here.put(d.name(), d);
                }
            }
            Map<String, String> active = new LinkedHashMap<>(options);
            splitKeys.values().forEach(active::remove);
            active.keySet().removeAll(ownedBelow);
            for (Map.Entry<String, String> option : active.entrySet()) {
                for (Declared declared : declaredBy(option.getKey(), option.getValue())) {
                    Declared chosen = choose(declared, top);
                    if (chosen != null && !onPath.contains(chosen.name())) {
                        here.putIfAbsent(chosen.name(), chosen);
                    }
                }
            }
            // a sweep of a group that is not in this level's defaults list may belong to an option's branch:
            // split the groups present first, then see whether one of their options brings it
            List<Declared> toSplit = new ArrayList<>();
            List<Declared> deferred = new ArrayList<>();
            for (Declared d : here.values()) {
                if (isGroupSweep(d.sweep()) && !splits.containsKey(d.name())) {
                    boolean present = options.containsKey(choiceKey(d.sweep())) || d.sweep().kind() != OverrideKind.CHANGE;
                    (present ? toSplit : deferred).add(d);
                }
            }
            if (toSplit.isEmpty()) {
                boolean moved = false;
                for (Declared d : deferred) {
                    if (ownedBelow.contains(choiceKey(d.sweep()))) {
                        continue;
                    }
                    boolean owned = splits.values().stream().flatMap(split -> split.values().stream())
                            .anyMatch(o -> o.containsKey(choiceKey(d.sweep())));
                    if (owned) {
                        ownedBelow.add(choiceKey(d.sweep()));
                        moved = true;
                    } else {
                        toSplit.add(d);
                    }
                }
                if (toSplit.isEmpty() && !moved) {
                    break;
                }
            }
            for (Declared d : toSplit) {
                splits.put(d.name(), split(context, d.sweep()));
                splitKeys.put(d.name(), choiceKey(d.sweep()));
                splits.get(d.name()).values().forEach(o -> ownedBelow.addAll(o.keySet()));
            }
        }
        Set<String> path = new LinkedHashSet<>(onPath);
        for (String name : here.keySet()) {
            // the command line's sweeps may yet take an option's place below
            if (!(top && explicit.containsKey(name))) {
                path.add(name);
            }
        }
        List<SearchTree.Node> nodes = new ArrayList<>();
        for (Declared d : here.values()) {
            register(d);
            Distribution distribution = distributions.get(d.name());
            if (!splits.containsKey(d.name())) {
                nodes.add(new SearchTree.Parameter(d.name(), distribution, d.origin()));
                continue;
            }
            if (!(distribution instanceof CategoricalDistribution categorical)) {
                throw new IllegalArgumentException("'" + d.sweep().input() + "' (" + d.origin() + ") chooses among the"
                        + " options of config group '" + d.sweep().key() + "'; use choice(...), a,b or glob(...)");
            }
            Set<String> branchPath = new LinkedHashSet<>(path);
            branchPath.add(d.name());
            Map<Object, List<SearchTree.Node>> branches = new LinkedHashMap<>();
            for (Element option : elements(d.sweep())) {
                Object value = TrialOverrides.studyValue(option);
                List<ConfigOverride> chosen = new ArrayList<>(context);
                chosen.add(d.sweep().withValue(option));
                Map<String, String> owned = new LinkedHashMap<>();
                owned.put(choiceKey(d.sweep()), String.valueOf(value));
                owned.putAll(splits.get(d.name()).get(value));
                List<Declared> moved = new ArrayList<>();
                for (Declared e : given) {
                    if (isGroupSweep(e.sweep()) && !e.name().equals(d.name()) && owned.containsKey(choiceKey(e.sweep()))) {
                        moved.add(e);
                        placedBelow.add(e.name());
                    }
                }
                branches.put(value, level(chosen, owned, moved, branchPath, false));
            }
            nodes.add(new SearchTree.Branching(d.name(), categorical, d.origin(), branches));
        }
        return nodes;
    }

    /** The sweep that a declaration stands for: the command line's if it sweeps it, none if it fixes it. */
    private Declared choose(Declared declared, boolean top) {
        String name = declared.name();
        if (fixedKeys.contains(declared.sweep().key())) {
            return null;
        }
        Declared over = explicit.get(name);
        if (over != null) {
            if (!top) {
                placedBelow.add(name);
            }
            return over;
        }
        register(declared);
        return declared;
    }

    /** Checks a parameter against earlier declarations of it: one distribution per parameter. */
    private void register(Declared d) {
        Distribution distribution = distribution(d);
        Declared earlier = registry.putIfAbsent(d.name(), d);
        if (earlier == null) {
            distributions.put(d.name(), distribution);
            return;
        }
        if (earlier != d && !distributions.get(d.name()).equals(distribution) && !explicit.containsKey(d.name())) {
            throw new IllegalArgumentException("parameter '" + d.name() + "' is declared by " + earlier.origin() + " as "
                    + ConditionalSpace.sweepText(earlier.sweep()) + " and by " + d.origin() + " as "
                    + ConditionalSpace.sweepText(d.sweep()) + ": a parameter has one distribution in a study;"
                    + " declare the same sweep in both, or sweep it on the command line");
        }
    }

    private Distribution distribution(Declared d) {
        return SearchSpaces.fromOverrides(List.of(d.sweep()), composer.repository()::options).distributions()
                .get(d.name());
    }

    /**
     * For each option of a swept group, the groups (key to option) it brings into the defaults list
     * that not every option brings alike.
     */
    private Map<Object, Map<String, String>> split(List<ConfigOverride> context, ConfigOverride sweep) {
        Map<Object, Map<String, String>> perOption = new LinkedHashMap<>();
        Set<Object> composed = new HashSet<>();
        String self = choiceKey(sweep);
        for (Element option : elements(sweep)) {
            List<ConfigOverride> chosen = new ArrayList<>(context);
            chosen.add(sweep.withValue(option));
            Map<String, String> choices = new LinkedHashMap<>();
            try {
                choices = choices(chosen);
                composed.add(TrialOverrides.studyValue(option));
            } catch (RuntimeException e) {
                // an option that does not compose brings nothing; its trials fail with the composer's error
            }
            choices.remove(self);
            perOption.put(TrialOverrides.studyValue(option), choices);
        }
        Map<String, String> common = null;
        for (Map.Entry<Object, Map<String, String>> option : perOption.entrySet()) {
            if (!composed.contains(option.getKey())) {
                continue;
            }
            Map<String, String> choices = option.getValue();
            if (common == null) {
                common = new LinkedHashMap<>(choices);
            } else {
                common.entrySet().removeIf(e -> !Objects.equals(choices.get(e.getKey()), e.getValue()));
            }
        }
        Set<String> shared = common == null ? Set.of() : common.keySet();
        for (Map<String, String> choices : perOption.values()) {
            shared.forEach(choices::remove);
        }
        return perOption;
    }

    /** Group key to selected option after composing with {@code overrides} (groups without a selection left out). */
    private Map<String, String> choices(List<ConfigOverride> overrides) {
        Map<String, String> out = new LinkedHashMap<>();
        composer.composeParsed(configName, overrides).choices().forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    private List<Element> elements(ConfigOverride sweep) {
        return sweep.sweepElements(new Random(0), composer.repository().options(sweep.key()));
    }

    private boolean isGroupSweep(ConfigOverride o) {
        return o.isSweep() && o.kind() != OverrideKind.DELETE && composer.repository().groupExists(o.key());
    }

    /** How a composition's choices name the group a sweep selects in: {@code model}, {@code db@backup}. */
    private static String choiceKey(ConfigOverride sweep) {
        return sweep.key() + (sweep.packageName() == null ? "" : "@" + sweep.packageName());
    }

    /** The sweeps an option declares under {@code osprey.params}, parsed once. */
    private List<Declared> declaredBy(String groupKey, String option) {
        int at = groupKey.indexOf('@');
        String configPath = (at < 0 ? groupKey : groupKey.substring(0, at)) + "/" + option;
        return optionCache.computeIfAbsent(configPath, this::read);
    }

    private List<Declared> read(String configPath) {
        String origin = configPath + ".yaml";
        Config content = composer.repository().content(configPath).orElse(null);
        if (content == null || !(content.find(NODE).orElse(null) instanceof ConfigValue node)) {
            return List.of();
        }
        if (!(node instanceof ConfigValue.MapValue map) || !map.entries().keySet().equals(Set.of("params"))) {
            throw new IllegalArgumentException(origin + ": the osprey: node of a group option holds only params,"
                    + " the sweeps the option declares, such as osprey: {params: {model.depth: 'choice(18,34,50)'}}");
        }
        if (!(map.entries().get("params") instanceof ConfigValue.MapValue params)) {
            throw new IllegalArgumentException(origin + ": osprey.params must map parameters to sweeps, such as"
                    + " {model.depth: 'choice(18,34,50)'}");
        }
        List<Declared> out = new ArrayList<>();
        params.entries().forEach((name, value) -> {
            if (value instanceof ConfigValue.MapValue || value instanceof ConfigValue.ListValue) {
                throw new IllegalArgumentException(origin + ": osprey.params." + name + " must be a sweep written as"
                        + " on the command line, such as 'choice(8,16,32)' or 'interval(0,1)', not " + value.toPlain());
            }
            String text = String.valueOf(value.toPlain());
            ConfigOverride sweep;
            try {
                sweep = Overrides.parse(name + "=" + text);
            } catch (OverrideParseException e) {
                throw new IllegalArgumentException(origin + ": osprey.params." + name + " is '" + text + "', which is"
                        + " not a sweep of the override grammar: " + e.getMessage(), e);
            }
            if (!sweep.isSweep()) {
                throw new IllegalArgumentException(origin + ": osprey.params." + name + " is '" + text + "', which is"
                        + " not a sweep; use interval(..), range(..), choice(..) or a,b,c");
            }
            out.add(new Declared(sweep, origin));
        });
        return out;
    }
}
