package org.cyberreport.deploy;

import java.util.List;
import java.util.Map;

/** The JSON Patch (RFC 6902) operations the overlays use: replace, add and remove, on maps and lists. */
final class JsonPatch {

    private JsonPatch() {
    }

    @SuppressWarnings("unchecked")
    static void apply(Map<String, Object> document, List<Object> operations) {
        for (Object item : operations) {
            Map<String, Object> operation = (Map<String, Object>) item;
            String op = (String) operation.get("op");
            String[] path = ((String) operation.get("path")).substring(1).split("/");
            Object parent = document;
            for (int i = 0; i < path.length - 1; i++) {
                parent = child(parent, unescape(path[i]));
                if (parent == null) {
                    throw new IllegalArgumentException("No such path: " + operation.get("path"));
                }
            }
            String last = unescape(path[path.length - 1]);
            switch (op) {
                case "replace", "add" -> {
                    if (parent instanceof Map<?, ?> map) {
                        if (op.equals("replace") && !map.containsKey(last)) {
                            throw new IllegalArgumentException("Nothing to replace at " + operation.get("path"));
                        }
                        ((Map<String, Object>) map).put(last, operation.get("value"));
                    } else {
                        List<Object> list = (List<Object>) parent;
                        if (last.equals("-")) {
                            list.add(operation.get("value"));
                        } else if (op.equals("add")) {
                            list.add(Integer.parseInt(last), operation.get("value"));
                        } else {
                            list.set(Integer.parseInt(last), operation.get("value"));
                        }
                    }
                }
                case "remove" -> {
                    if (parent instanceof Map<?, ?> map) {
                        map.remove(last);
                    } else {
                        ((List<Object>) parent).remove(Integer.parseInt(last));
                    }
                }
                default -> throw new IllegalArgumentException("JSON Patch operation '" + op + "' is not rendered here");
            }
        }
    }

    private static Object child(Object parent, String key) {
        if (parent instanceof Map<?, ?> map) {
            return map.get(key);
        }
        return ((List<?>) parent).get(Integer.parseInt(key));
    }

    private static String unescape(String segment) {
        return segment.replace("~1", "/").replace("~0", "~");
    }
}
