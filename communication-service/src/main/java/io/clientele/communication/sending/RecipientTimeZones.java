package io.clientele.communication.sending;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.clientele.communication.settings.WorkspaceSettings;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The recipient's time zone: from the country of their phone number where that country has one zone
 * (+420 is Europe/Prague, +359 Europe/Sofia), else the workspace's (a +1 number could be anywhere from
 * New York to Honolulu).
 */
@Component
class RecipientTimeZones {

    record Zone(ZoneId zone, String source) {
    }

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final PhoneNumberToTimeZonesMapper zones = PhoneNumberToTimeZonesMapper.getInstance();

    Zone of(String phone, WorkspaceSettings settings) {
        if (settings.timeZoneFromPhone() && phone != null) {
            try {
                List<String> candidates = zones.getTimeZonesForNumber(phones.parse(phone, null));
                if (candidates.size() == 1 && !PhoneNumberToTimeZonesMapper.getUnknownTimeZone().equals(candidates.getFirst())) {
                    return new Zone(ZoneId.of(candidates.getFirst()), "the phone number's country");
                }
            } catch (NumberParseException | DateTimeException unusable) {
                // the workspace's zone then
            }
        }
        return new Zone(settings.timeZone(), "the workspace setting");
    }
}
