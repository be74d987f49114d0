package io.clientele.communication.preferences;

import io.clientele.communication.Channel;

/** Which channels the customer accepts messages on. */
public record ChannelSwitches(boolean email, boolean sms, boolean push) {

    public static final ChannelSwitches ALL_ON = new ChannelSwitches(true, true, true);

    public boolean allows(Channel channel) {
        return switch (channel) {
            case EMAIL -> email;
            case SMS -> sms;
        };
    }
}
