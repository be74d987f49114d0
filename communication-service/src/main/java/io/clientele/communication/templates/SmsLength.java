package io.clientele.communication.templates;

/**
 * How many SMS parts a text takes: GSM 7-bit texts fit 160 characters (153 per part when split), any
 * other character (most Czech and Bulgarian letters) makes it UCS-2 with 70 (67).
 */
public record SmsLength(int characters, String encoding, int parts) {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    public static SmsLength of(String text) {
        int septets = 0;
        boolean gsm = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) >= 0) {
                septets++;
            } else if (GSM_EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                gsm = false;
                break;
            }
        }
        int units = gsm ? septets : text.codePointCount(0, text.length());
        int single = gsm ? 160 : 70;
        int multi = gsm ? 153 : 67;
        int parts = units == 0 ? 0 : units <= single ? 1 : (units + multi - 1) / multi;
        return new SmsLength(text.codePointCount(0, text.length()), gsm ? "GSM-7" : "UCS-2", parts);
    }
}
