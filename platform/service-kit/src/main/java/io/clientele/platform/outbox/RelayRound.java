package io.clientele.platform.outbox;

/**
 * How one relay round went.
 *
 * @param holder    whether this instance holds the relay (another instance relays otherwise)
 * @param selected  events taken from the store
 * @param published events Kafka acknowledged
 * @param more      whether the store knows of more events waiting right now (no pause before the next round)
 * @param failure   why some events still wait, or null
 */
public record RelayRound(boolean holder, int selected, int published, boolean more, String failure) {

    public static final RelayRound IDLE = new RelayRound(true, 0, 0, false, null);
    public static final RelayRound NOT_HOLDER = new RelayRound(false, 0, 0, false, null);
}
