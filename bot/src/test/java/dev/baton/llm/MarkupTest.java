package dev.baton.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What is left of a model's text once anything that looks like a tag is dropped. */
class MarkupTest {

    @Test
    void aScriptElementGoesWithItsContent() {
        assertEquals("a refund for the annual plan", Markup.drop("a refund for the annual plan <script>alert</script>"));
        assertEquals("hi there", Markup.drop("hi <SCRIPT type=\"text/javascript\">alert(1)</SCRIPT>there"));
        assertEquals("hi", Markup.drop("hi <style>p { color: red }</style>"));
    }

    @Test
    void tagsAreDroppedAndTheirTextKept() {
        assertEquals("You can ask for a refund within 30 days.",
                Markup.drop("You can ask for a <b>refund</b> within <i>30 days</i>."));
        assertEquals("Go to Settings", Markup.drop("Go to <a href=\"https://evil.example\" onclick='x()'>Settings</a>"));
        assertEquals("one two", Markup.drop("one<br/>two"));
        assertEquals("one two", Markup.drop("one <img src=x onerror=alert(1)> two"));
        assertEquals("wants a refund", Markup.drop("wants a refund <xsl:template match=\"/\"/>"));
    }

    @Test
    void commentsDeclarationsAndProcessingInstructionsAreDropped() {
        assertEquals("text", Markup.drop("<?xml version=\"1.0\"?><!DOCTYPE html>text<!-- hidden <b> -->"));
        assertEquals("kept", Markup.drop("<![CDATA[kept]]>"));
    }

    @Test
    void aTagLeftOpenAtTheEndAndEscapedTagsAreDroppedToo() {
        assertEquals("a refund", Markup.drop("a refund <img src=x onerror=alert(1)"));
        assertEquals("a refund alert", Markup.drop("a refund &lt;b&gt;alert&lt;/b&gt;"));
    }

    @Test
    void whatOnlyResemblesATagStays() {
        String text = "Settings > Billing > Refund; 3 < 5; <https://example.org/help> <@123> <#45> <:wave:678>"
                + " <a:dance:9> x <- y";
        assertEquals(text, Markup.drop(text));
        assertEquals("1. Open Settings\n   - then Billing", Markup.drop("1. Open Settings\n   - then Billing"));
    }
}
