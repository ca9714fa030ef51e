package org.cyberreport.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InputGuardFilterTest {

    @Test
    void wellFormedQueryStringsPass() {
        assertThat(InputGuardFilter.queryProblem(null)).isNull();
        assertThat(InputGuardFilter.queryProblem("status=RECEIVED&receivedFrom=2026-01-01T00%3A00%3A00Z&page=0&")).isNull();
        assertThat(InputGuardFilter.queryProblem("q=caf%C3%A9+cr%C3%A8me")).isNull();
    }

    @Test
    void badPercentEncodingInvalidUtf8ControlsAndNamelessParametersAreRefused() {
        assertThat(InputGuardFilter.queryProblem("a=%zz")).contains("hexadecimal");
        assertThat(InputGuardFilter.queryProblem("a=%")).contains("hexadecimal");
        assertThat(InputGuardFilter.queryProblem("a=%C3%28")).contains("UTF-8");
        assertThat(InputGuardFilter.queryProblem("a=%FF%FE")).contains("UTF-8");
        assertThat(InputGuardFilter.queryProblem("a=%00")).contains("control");
        assertThat(InputGuardFilter.queryProblem("a=%E2%80%AE")).isNotNull();
        assertThat(InputGuardFilter.queryProblem("=1")).contains("without a name");
        assertThat(InputGuardFilter.queryProblem("a=\u00e9")).contains("not percent-encoded");
    }
}
