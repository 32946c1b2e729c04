package dev.osprey.optimizer.storage;

import dev.osprey.optimizer.trial.Direction;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A study as a storage knows it.
 *
 * @param id          the storage's identifier
 * @param name        the study's unique name
 * @param directions  one direction per objective
 * @param userAttrs   attributes set by the user
 * @param systemAttrs attributes set by Osprey (the seed, for one)
 */
public record StudyInfo(long id, String name, List<Direction> directions,
                        Map<String, Object> userAttrs, Map<String, Object> systemAttrs) {

    public StudyInfo {
        directions = List.copyOf(directions);
        userAttrs = Collections.unmodifiableMap(new LinkedHashMap<>(userAttrs));
        systemAttrs = Collections.unmodifiableMap(new LinkedHashMap<>(systemAttrs));
    }
}
