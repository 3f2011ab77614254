package io.lessonpack.bootstrap.local.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escape_scriptQuotesAndAmpersand_becomeCharacterReferences() {
        assertThat(Html.escape("<script>alert('x')</script> & \"y\""))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;");
    }

    @Test
    void escape_plainTextAndNull() {
        assertThat(Html.escape("café con leche · ありがとう")).isEqualTo("café con leche · ありがとう");
        assertThat(Html.escape("&amp;")).isEqualTo("&amp;amp;");
        assertThat(Html.escape(null)).isEmpty();
    }
}
