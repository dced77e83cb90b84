package io.capj.apimachinery.schema;

import com.google.re2j.Pattern;

/** The formats govalidator checks with a check digit: ISBN-10, ISBN-13 and credit card numbers (Luhn). */
final class ChecksumFormats {
    private static final Pattern ISBN10 = Pattern.compile("^(?:[0-9]{9}X|[0-9]{10})$");
    private static final Pattern ISBN13 = Pattern.compile("^(?:[0-9]{13})$");
    private static final Pattern CREDIT_CARD = Pattern.compile("^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}|"
            + "(222[1-9]|22[3-9][0-9]|2[3-6][0-9]{2}|27[01][0-9]|2720)[0-9]{12}|6(?:011|5[0-9][0-9])[0-9]{12}|"
            + "3[47][0-9]{13}|3(?:0[0-5]|[68][0-9])[0-9]{11}|(?:2131|1800|35\\d{3})\\d{11}|6[27][0-9]{14})$");

    private ChecksumFormats() {
    }

    static boolean isIsbn10(String s) {
        String digits = s.replaceAll("[\\s-]", "");
        if (!ISBN10.matches(digits)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (i + 1) * (digits.charAt(i) - '0');
        }
        sum += digits.charAt(9) == 'X' ? 100 : 10 * (digits.charAt(9) - '0');
        return sum % 11 == 0;
    }

    static boolean isIsbn13(String s) {
        String digits = s.replaceAll("[\\s-]", "");
        if (!ISBN13.matches(digits)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (i % 2 == 0 ? 1 : 3) * (digits.charAt(i) - '0');
        }
        return (10 - sum % 10) % 10 == digits.charAt(12) - '0';
    }

    /** Non-digits are ignored, as govalidator strips them before the pattern and Luhn checks. */
    static boolean isCreditCard(String s) {
        String digits = s.replaceAll("[^0-9]+", "");
        if (!CREDIT_CARD.matches(digits)) {
            return false;
        }
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                d = d > 9 ? d - 9 : d;
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
