package dev.osprey.dashboard.internal.web;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.osprey.dashboard.plot.Chart;
import dev.osprey.dashboard.plot.Series;
import dev.osprey.optimizer.storage.StudySummary;
import dev.osprey.optimizer.trial.TrialRecord;

import java.util.List;
import java.util.Map;

/** The JSON the pages read; non-finite numbers go as the strings "NaN", "Infinity", "-Infinity". */
final class JsonViews {

    static final ObjectMapper MAPPER = JsonMapper.builder().enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .findAndAddModules().build();

    private JsonViews() {
    }

    static ObjectNode summary(StudySummary summary) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", summary.study().name());
        ArrayNode directions = node.putArray("directions");
        summary.study().directions().forEach(d -> directions.add(d.name().toLowerCase(java.util.Locale.ROOT)));
        ObjectNode counts = node.putObject("counts");
        summary.trialCounts().forEach((state, n) -> counts.put(state.name(), n));
        node.put("trials", summary.trials());
        summary.bestValue().ifPresent(v -> node.put("best", v));
        summary.lastActivity().ifPresent(t -> node.put("lastActivity", t.toString()));
        return node;
    }

    static ObjectNode charts(List<Chart> charts) {
        ObjectNode node = MAPPER.createObjectNode();
        ArrayNode list = node.putArray("charts");
        for (Chart chart : charts) {
            ObjectNode c = list.addObject();
            c.put("title", chart.title());
            c.set("x", MAPPER.valueToTree(chart.x()));
            c.set("y", MAPPER.valueToTree(chart.y()));
            c.set("notes", MAPPER.valueToTree(chart.notes()));
            ArrayNode series = c.putArray("series");
            for (Series s : chart.series()) {
                ObjectNode one = MAPPER.valueToTree(s);
                one.put("type", s.getClass().getSimpleName());
                series.add(one);
            }
        }
        return node;
    }

    static ObjectNode trialRow(TrialRecord trial) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("number", trial.number());
        node.put("state", trial.state().name());
        ArrayNode values = node.putArray("values");
        trial.values().forEach(values::add);
        node.set("params", MAPPER.valueToTree(trial.paramValues()));
        if (!trial.constraints().isEmpty()) {
            // by name (c0, c1, ... for trials stored without names), each <= 0 when satisfied
            node.set("constraints", MAPPER.valueToTree(trial.namedConstraints()));
        }
        trial.start().ifPresent(t -> node.put("start", t.toString()));
        trial.end().ifPresent(t -> node.put("end", t.toString()));
        return node;
    }

    static ObjectNode trial(TrialRecord trial, Map<String, String> files) {
        ObjectNode node = trialRow(trial);
        trial.failReason().ifPresent(r -> node.put("reason", r));
        ObjectNode distributions = node.putObject("distributions");
        trial.distributions().forEach((name, d) -> distributions.put(name, d.toString()));
        ArrayNode steps = node.putArray("intermediate");
        trial.intermediateValues().forEach((step, v) -> steps.addObject().put("step", step).put("value", v));
        node.set("userAttrs", MAPPER.valueToTree(trial.userAttrs()));
        node.set("systemAttrs", MAPPER.valueToTree(trial.systemAttrs()));
        node.set("files", MAPPER.valueToTree(files));
        return node;
    }
}
