package io.clientele.communication.settings;

import io.clientele.communication.HeaderText;
import io.clientele.platform.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/communication-settings")
@Tag(name = "Settings", description = "Per-workspace communication settings: time zone, quiet hours, frequency cap, sender")
class SettingsController {

    private static final String TIME = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

    private final CommunicationSettings settings;

    SettingsController(CommunicationSettings settings) {
        this.settings = settings;
    }

    record QuietHoursRequest(@NotNull @Pattern(regexp = TIME, message = "must be a time of day such as 21:00") String start,
            @NotNull @Pattern(regexp = TIME, message = "must be a time of day such as 08:00") String end) {
    }

    record CapRequest(@NotNull @Min(1) @Max(100) Integer maxMessages, @NotNull String period) {
    }

    record SenderRequest(@Email @HeaderText @Size(max = 254) String emailAddress,
            @HeaderText @Size(max = 100) String emailName,
            @Email @HeaderText @Size(max = 254) String replyTo,
            @Pattern(regexp = "^([A-Za-z0-9 ]{1,11}|\\+[1-9][0-9]{6,14})$",
                    message = "must be up to 11 letters or digits, or a phone number in E.164") String smsSender) {
    }

    /**
     * @param timeZone          the workspace's zone (IANA id); recipients' local times come from it
     * @param timeZoneFromPhone take the recipient's zone from the country of their phone number where it
     *                          has exactly one
     * @param quietHours        null: none
     * @param marketingCap      null: none
     */
    record SettingsRequest(@Size(max = 64) String timeZone, Boolean timeZoneFromPhone, @Valid QuietHoursRequest quietHours,
            @Valid CapRequest marketingCap, @Valid SenderRequest sender,
            @Pattern(regexp = "^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$", message = "must be a language tag such as cs or en-GB")
            String defaultLanguage,
            @Size(max = 50) String consentWordingVersion) {
    }

    /** The settings as the request takes them: times of day as HH:mm, the cap's period in ISO 8601 (P7D). */
    record SettingsView(String timeZone, boolean timeZoneFromPhone, QuietHoursRequest quietHours, CapView marketingCap,
            WorkspaceSettings.Sender sender, String defaultLanguage, String consentWordingVersion) {

        static SettingsView of(WorkspaceSettings s) {
            return new SettingsView(s.timeZone().getId(), s.timeZoneFromPhone(),
                    s.quietHours() == null ? null : new QuietHoursRequest(HH_MM.format(s.quietHours().start()),
                            HH_MM.format(s.quietHours().end())),
                    s.marketingCap() == null ? null : new CapView(s.marketingCap().maxMessages(), period(s.marketingCap().period())),
                    s.sender(), s.defaultLanguage(), s.consentWordingVersion());
        }

        private static String period(java.time.Duration period) {
            return period.toSeconds() % 86_400 == 0 ? "P" + period.toDays() + "D" : period.toString();
        }
    }

    record CapView(int maxMessages, String period) {
    }

    private static final java.time.format.DateTimeFormatter HH_MM = java.time.format.DateTimeFormatter.ofPattern("HH:mm");

    @GetMapping
    @PreAuthorize("hasAnyRole('OWNER', 'STAFF')")
    @Operation(summary = "The workspace's communication settings (the defaults until the owner saves their own)")
    SettingsView get(Actor actor) {
        return SettingsView.of(settings.of(actor.workspaceId()));
    }

    @PutMapping
    @PreAuthorize("hasRole('OWNER')")
    @Operation(summary = "Replace the communication settings (owners only)", description = "What is left out takes "
            + "the default; quietHours and marketingCap left out (or null) are off.")
    SettingsView change(Actor actor, @Valid @RequestBody SettingsRequest request) {
        return SettingsView.of(settings.change(actor, request));
    }
}
