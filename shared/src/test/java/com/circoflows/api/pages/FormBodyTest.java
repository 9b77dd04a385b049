package com.circoflows.api.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class FormBodyTest {

    @Test
    void browserFormIsDecoded() {
        assertEquals(Map.of("csrf_token", "a-b_c", "outcome", "authenticate", "note", "two words & more"),
                FormBody.parse("csrf_token=a-b_c&outcome=authenticate&note=two+words+%26+more"));
    }

    @Test
    void firstValueOfARepeatedFieldWins() {
        assertEquals("authenticate", FormBody.parse("outcome=authenticate&outcome=fail").get("outcome"));
    }

    @Test
    void fieldWithoutValueIsEmpty() {
        assertEquals(Map.of("flag", "", "x", "1"), FormBody.parse("flag&x=1"));
    }

    @Test
    void malformedPairIsIgnoredAndTheRestKept() {
        assertEquals(Map.of("outcome", "fail"), FormBody.parse("csrf_token=%zz&outcome=fail"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void noBodyMeansNoFields(String body) {
        assertEquals(Map.of(), FormBody.parse(body));
    }

    @Test
    void oversizedBodyIsNotParsedAtAll() {
        assertEquals(Map.of(), FormBody.parse("outcome=fail&junk=" + "x".repeat(16 * 1024)));
    }
}
