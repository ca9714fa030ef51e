package org.cyberreport.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class StatedPurposeTest {

    @Test
    void aPurposeIsPercentEncodedUtf8WithRawSpacesAllowed() {
        assertThat(StatedPurpose.decode("Enqu%C3%AAte MA-2026-0042")).isEqualTo("Enquête MA-2026-0042");
        assertThat(StatedPurpose.decode("%D8%AA%D8%AD%D9%82%D9%8A%D9%82")).isEqualTo("تحقيق");
        assertThat(StatedPurpose.decode("  case review  ")).isEqualTo("case review");
    }

    @Test
    void badEncodingEmptinessLengthAndControlsAreRefusedWithTheReason() {
        assertThatIllegalArgumentException().isThrownBy(() -> StatedPurpose.decode("50%")).withMessageContaining("hexadecimal");
        assertThatIllegalArgumentException().isThrownBy(() -> StatedPurpose.decode("%C3%28")).withMessageContaining("UTF-8");
        assertThatIllegalArgumentException().isThrownBy(() -> StatedPurpose.decode("caf\u00e9")).withMessageContaining("not percent-encoded");
        assertThatIllegalArgumentException().isThrownBy(() -> StatedPurpose.decode("a\tb")).withMessageContaining("not percent-encoded");
        assertThatIllegalArgumentException().isThrownBy(() -> StatedPurpose.decode("a%0Ab")).withMessageContaining("control");
        assertThatIllegalArgumentException().isThrownBy(() -> StatedPurpose.decode(" %20 ")).withMessageContaining("empty");
        assertThatIllegalArgumentException().isThrownBy(() -> StatedPurpose.decode("x".repeat(201))).withMessageContaining("200");
        assertThat(StatedPurpose.decode("x".repeat(200))).hasSize(200);
    }
}
