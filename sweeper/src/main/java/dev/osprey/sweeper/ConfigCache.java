package dev.osprey.sweeper;

import dev.osprey.composer.config.Config;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The results of a study by job config: a config is claimed in the study database by the first trial
 * that runs it (the grid claims' table, keyed by the config's digest), so that of the trials of all
 * workers proposing it only that one runs, and the others reuse its values. A claim whose trial
 * failed or was pruned is followed by a new one, so such a config runs again.
 */
final class ConfigCache {

    /** System attribute of a trial that claimed its config: the digest. */
    static final String ATTR_DIGEST = "osprey.config_digest";
    /** System attribute of a trial whose values were reused: the number of the trial that ran the config. */
    static final String ATTR_CACHED_FROM = "osprey.cached_from";
    private static final String CLAIM_PREFIX = "osprey.cache:";

    private final Storage storage;
    private final long studyId;

    ConfigCache(Storage storage, long studyId) {
        this.storage = storage;
        this.studyId = studyId;
    }

    /** What a trial should do with its config. */
    sealed interface Claim {
        /** Run it: this trial is the one that runs the config. */
        record Run() implements Claim {
        }

        /** Another trial runs or ran it: wait for that trial and reuse its values. */
        record Follow(long ownerTrialId) implements Claim {
        }
    }

    /**
     * Claims the config for {@code trial}, or names the trial that has it: the latest claim, unless
     * that trial failed or was pruned, in which case this one claims the config anew.
     */
    Claim claim(String digest, TrialRecord trial) {
        String key = CLAIM_PREFIX + digest;
        while (true) {
            Map<Integer, Long> claims = storage.gridClaims(studyId, key);
            int latest = claims.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
            if (latest >= 0) {
                TrialState state = storage.trial(claims.get(latest)).state();
                if (state != TrialState.FAIL && state != TrialState.PRUNED) {
                    return new Claim.Follow(claims.get(latest));
                }
            }
            if (storage.claimGridPoint(studyId, key, latest + 1, trial.id())) {
                storage.setTrialSystemAttr(trial.id(), ATTR_DIGEST, digest);
                return new Claim.Run();
            }
            // another worker claimed it between the two calls: look again
        }
    }

    /** The trial the claim names, as it is now. */
    TrialRecord trial(long trialId) {
        return storage.trial(trialId);
    }

    /** Marks a trial whose values were reused from {@code owner}. */
    void markCached(TrialRecord trial, TrialRecord owner) {
        storage.setTrialSystemAttr(trial.id(), ATTR_CACHED_FROM, owner.number());
    }

    /**
     * SHA-256 of the config's canonical text: keys sorted at every level, so that two compositions
     * of the same values in another order are one config.
     */
    static String digest(Config config) {
        String canonical = canonical(config.root().toPlain());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String canonical(Object value) {
        return switch (value) {
            case Map<?, ?> map -> {
                TreeMap<String, String> sorted = new TreeMap<>();
                map.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
                yield sorted.toString();
            }
            case List<?> list -> list.stream().map(ConfigCache::canonical).toList().toString();
            case String s -> '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
            case null -> "null";
            default -> value.getClass().getSimpleName() + ":" + value;
        };
    }
}
