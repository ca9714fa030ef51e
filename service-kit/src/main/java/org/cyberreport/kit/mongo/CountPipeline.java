package org.cyberreport.kit.mongo;

import java.util.List;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Recognises the pipeline the MongoDB driver sends for {@code countDocuments}: {@code $match}, optional
 * {@code $skip} and {@code $limit}, then {@code {$group: {_id: <constant>, n: {$sum: 1}}}}.
 */
final class CountPipeline {

    private CountPipeline() {
    }

    /** The group's constant key when the pipeline is a count, otherwise null. */
    static Object groupKey(List<Document> pipeline) {
        for (int i = 1; i < pipeline.size() - 1; i++) {
            Set<String> stage = pipeline.get(i).keySet();
            if (!stage.equals(Set.of("$skip")) && !stage.equals(Set.of("$limit"))) {
                return null;
            }
        }
        if (pipeline.size() < 2 || !(pipeline.get(pipeline.size() - 1).get("$group") instanceof Document group)
                || pipeline.get(pipeline.size() - 1).size() != 1 || !group.keySet().equals(Set.of("_id", "n"))
                || !(group.get("n") instanceof Document sum) || !sum.keySet().equals(Set.of("$sum"))
                || !(sum.get("$sum") instanceof Number one) || one.doubleValue() != 1.0) {
            return null;
        }
        Object key = group.get("_id");
        boolean constant = key instanceof Number || (key instanceof String text && !text.startsWith("$"));
        return constant ? key : null;
    }

    static int skip(List<Document> pipeline) {
        return stage(pipeline, "$skip", 0);
    }

    static int limit(List<Document> pipeline) {
        return stage(pipeline, "$limit", 0);
    }

    private static int stage(List<Document> pipeline, String name, int otherwise) {
        for (Document stage : pipeline) {
            if (stage.get(name) instanceof Number value) {
                return value.intValue();
            }
        }
        return otherwise;
    }
}
