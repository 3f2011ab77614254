package io.lessonpack.domain.learner;

/** Shared checks for opaque identifiers, so every id type refuses the same bad input the same way. */
public final class Ids {

    private Ids() {
    }

    /**
     * Refuses a null, blank, over-long or control-character-bearing id. The message names the
     * field and the problem but never echoes the value: a malformed id may be learner text.
     *
     * @throws InvalidIdException when the value is not a usable id
     */
    public static String requireValid(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidIdException(field + " is missing or blank");
        }
        if (value.length() > maxLength) {
            throw new InvalidIdException(field + " is " + value.length()
                    + " characters long; at most " + maxLength + " are accepted");
        }
        if (!value.strip().equals(value)) {
            throw new InvalidIdException(field + " has leading or trailing whitespace");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new InvalidIdException(field + " contains a control character at index " + i);
            }
        }
        return value;
    }
}
