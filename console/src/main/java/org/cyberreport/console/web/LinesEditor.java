package org.cyberreport.console.web;

import java.beans.PropertyEditorSupport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A list of texts typed one per line (hashes, addresses) in a text area. */
public final class LinesEditor extends PropertyEditorSupport {

    @Override
    public void setAsText(String text) {
        setValue(text == null ? new ArrayList<>()
                : new ArrayList<>(Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList()));
    }

    @Override
    public String getAsText() {
        return getValue() instanceof List<?> lines ? String.join("\n", lines.stream().map(String::valueOf).toList()) : "";
    }
}
