package dev.osprey.studydb;

import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A finished trial as a {@link StudyWorker} reports it (a {@value StudyWorker#TOLD} line) and as
 * the database holds it, in one comparable form: doubles are compared exactly. A trial that has
 * not suggested a parameter yet has null for it.
 */
record ToldTrial(int number, TrialState state, Double value, Double x, Integer k) {

    static ToldTrial parse(String[] line) {
        return new ToldTrial(Integer.parseInt(line[1]), TrialState.valueOf(line[2]),
                line[3].equals("-") ? null : Double.valueOf(line[3]),
                line[4].equals("null") ? null : Double.valueOf(line[4]),
                line[5].equals("null") ? null : Integer.valueOf(line[5]));
    }

    static ToldTrial of(TrialRecord trial) {
        return parse(StudyWorker.line(trial).split(" "));
    }

    /** The trials the workers reported, by number; fails on a number reported twice. */
    static Map<Integer, ToldTrial> union(List<WorkerProcess> workers) {
        Map<Integer, ToldTrial> told = new TreeMap<>();
        List<String> doubled = new ArrayList<>();
        for (WorkerProcess worker : workers) {
            for (String[] line : worker.lines(StudyWorker.TOLD)) {
                ToldTrial trial = parse(line);
                ToldTrial earlier = told.putIfAbsent(trial.number(), trial);
                if (earlier != null) {
                    doubled.add(trial.number() + " (" + earlier + " and, by " + worker.name() + ", " + trial + ")");
                }
            }
        }
        if (!doubled.isEmpty()) {
            throw new AssertionError("trials told twice: " + doubled);
        }
        return told;
    }

    /** The stored trials in this form, by number. */
    static Map<Integer, ToldTrial> stored(List<TrialRecord> trials) {
        Map<Integer, ToldTrial> stored = new TreeMap<>();
        for (TrialRecord trial : trials) {
            stored.put(trial.number(), of(trial));
        }
        return stored;
    }

    /**
     * The differences between two maps of trials, at most ten of them, for a failure message:
     * a number missing from either side, or a trial that differs.
     */
    static List<String> differences(Map<Integer, ToldTrial> stored, Map<Integer, ToldTrial> told) {
        java.util.SortedSet<Integer> numbers = new java.util.TreeSet<>(stored.keySet());
        numbers.addAll(told.keySet());
        List<String> differences = new ArrayList<>();
        for (int number : numbers) {
            ToldTrial inDatabase = stored.get(number);
            ToldTrial reported = told.get(number);
            if (inDatabase == null || !inDatabase.equals(reported)) {
                differences.add(number + ": database " + inDatabase + ", told " + reported);
            }
        }
        return differences.size() <= 10 ? differences : differences.subList(0, 10);
    }

    /**
     * Whether this trial is {@code finished} as it was at some point before its tell: RUNNING,
     * with no value and each parameter either not suggested yet or as it ended up.
     */
    boolean isOnTheWayTo(ToldTrial finished) {
        return number == finished.number && state == TrialState.RUNNING && value == null
                && (x == null || x.equals(finished.x)) && (k == null || k.equals(finished.k))
                && (k == null || x != null); // x is suggested before k
    }

    /** Whether the value is the objective's for the parameters (so it was not mixed up with another trial's). */
    boolean valueFitsParams() {
        return value != null && x != null && k != null && value == StudyWorker.value(x, k);
    }
}
