package dev.osprey.optimizer.sampler.nsga;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Deb's crowded binary tournament (NSGA-II, IEEE TEVC 6(2), 2002, the crowded-comparison operator):
 * of two parents drawn at random, the one of the better (constrained) non-domination rank among
 * the parents; of equal rank, the less crowded (larger crowding distance within its front); of
 * equal distance, the second drawn.
 */
final class CrowdedTournament {

    private final Map<TrialRecord, Integer> rank = new IdentityHashMap<>();
    private final Map<TrialRecord, Double> distance = new IdentityHashMap<>();

    CrowdedTournament(List<TrialRecord> parents, List<Direction> directions, boolean constrained) {
        List<List<TrialRecord>> fronts = Survival.fronts(parents, directions, constrained);
        for (int r = 0; r < fronts.size(); r++) {
            List<TrialRecord> front = fronts.get(r);
            double[] d = Survival.crowdingDistances(front);
            for (int i = 0; i < front.size(); i++) {
                rank.put(front.get(i), r);
                distance.put(front.get(i), d[i]);
            }
        }
    }

    /** A parent other than those already {@code chosen} (unless no other is left). */
    TrialRecord pick(List<TrialRecord> parents, List<TrialRecord> chosen, SplittableRandom rng) {
        List<TrialRecord> pool = parents.stream().filter(p -> !chosen.contains(p)).toList();
        if (pool.isEmpty()) {
            pool = parents;
        }
        TrialRecord a = pool.get(rng.nextInt(pool.size()));
        TrialRecord b = pool.get(rng.nextInt(pool.size()));
        int ra = rank.get(a);
        int rb = rank.get(b);
        if (ra != rb) {
            return ra < rb ? a : b;
        }
        return distance.get(a) > distance.get(b) ? a : b;
    }
}
