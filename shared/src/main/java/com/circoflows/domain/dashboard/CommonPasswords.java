package com.circoflows.domain.dashboard;

import java.util.Set;

/**
 * Passwords near the top of public breach-frequency lists (and famous examples) that pass the length
 * rule: an attacker tries these first, on every account, so none of them may be chosen. Only entries of
 * {@link PasswordPolicy#MIN_LENGTH} characters or more are listed, since shorter ones are refused anyway.
 * Lower case: the policy compares case-insensitively.
 */
final class CommonPasswords {
    private static final Set<String> LOWER_CASE = Set.of(
            "password1234",
            "password12345",
            "password123456",
            "password1234!",
            "passwordpassword",
            "password1password1",
            "mypassword123",
            "newpassword123",
            "yourpassword",
            "thisismypassword",
            "p@ssw0rd1234",
            "passw0rd1234",
            "p@ssword1234",
            "123456789012",
            "1234567890123",
            "12345678901234",
            "123456789123",
            "1234567891011",
            "123456123456",
            "123123123123",
            "111111111111",
            "000000000000",
            "222222222222",
            "333333333333",
            "444444444444",
            "555555555555",
            "666666666666",
            "777777777777",
            "888888888888",
            "999999999999",
            "121212121212",
            "123321123321",
            "112233445566",
            "987654321098",
            "098765432109",
            "123456789abc",
            "abc123456789",
            "abc123abc123",
            "abcd1234abcd",
            "a1b2c3d4e5f6",
            "abcdefghijkl",
            "abcdefghijklmnop",
            "abcdefghijklmnopqrstuvwxyz",
            "aaaaaaaaaaaa",
            "qwertyuiopas",
            "qwertyuiop12",
            "qwertyuiop123",
            "qwerty123456",
            "qwerty1234567",
            "qwertyqwerty",
            "qwertyuiopasdfghjkl",
            "qwertyuiopasdfghjklzxcvbnm",
            "1234567890qwertyuiop",
            "1q2w3e4r5t6y",
            "1q2w3e4r5t6y7u",
            "q1w2e3r4t5y6",
            "1qaz2wsx3edc",
            "1qaz2wsx3edc4rfv",
            "1qazxsw23edc",
            "zaq12wsxcde3",
            "qazwsxedcrfv",
            "qweasdzxc123",
            "1234qwerasdf",
            "asdfghjkl123",
            "asdfasdfasdf",
            "zxcvbnm12345",
            "iloveyou1234",
            "iloveyou12345",
            "iloveyou123456",
            "iloveyouiloveyou",
            "lovelovelove",
            "letmein12345",
            "letmein123456",
            "letmeinletmein",
            "welcome12345",
            "welcome123456",
            "welcomewelcome",
            "administrator",
            "administrator1",
            "admin1234567",
            "adminadmin123",
            "changeme1234",
            "changemechangeme",
            "trustno1trustno1",
            "hello1234567",
            "helloworld123",
            "baseball1234",
            "football1234",
            "football123456",
            "basketball123",
            "monkey123456",
            "sunshine1234",
            "princess1234",
            "starwars1234",
            "superman1234",
            "batman123456",
            "dragon123456",
            "master123456",
            "shadow123456",
            "whatever1234",
            "computer1234",
            "internet1234",
            "secret123456",
            "pokemon12345",
            "liverpool123",
            "manchesterunited",
            "correcthorsebatterystaple"
    );

    private CommonPasswords() {
    }

    /** @param lowerCase the candidate, already stripped and in lower case */
    static boolean contains(String lowerCase) {
        return LOWER_CASE.contains(lowerCase);
    }

    static Set<String> all() {
        return LOWER_CASE;
    }
}
