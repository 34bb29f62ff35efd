package fr.academie.colibris.catalogue;

import fr.academie.common.date.FrenchDates;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The automatic grace of a campaign after an outage, at the edges of its last days, in Paris time. */
class CampaignGraceTest {

    private static final Duration LAST_DAYS = Duration.ofDays(3);
    /** Closes on Friday 5 February 2027 at 18:00 in Paris (17:00 UTC, winter). */
    private final Campaign campaign = campaign("2027-01-04T09:00", "2027-02-05T18:00");

    @Test
    void anOutageInsideTheLastDaysIsGivenBackAfterTheClosing() {
        assertEquals(Optional.of(paris("2027-02-05T20:10")),
                campaign.closingAfterOutage(paris("2027-02-04T14:00"), paris("2027-02-04T16:10"), LAST_DAYS));
    }

    @Test
    void anOutageBeforeTheLastDaysOrAfterTheClosingChangesNothing() {
        assertEquals(Optional.empty(),
                campaign.closingAfterOutage(paris("2027-02-01T10:00"), paris("2027-02-02T18:00"), LAST_DAYS),
                "ended exactly when the last three days began");
        assertEquals(Optional.empty(),
                campaign.closingAfterOutage(paris("2027-02-05T18:00"), paris("2027-02-05T23:00"), LAST_DAYS),
                "began when the campaign had closed");
    }

    @Test
    void onlyThePartInTheLastDaysCounts() {
        // down from 2 February 12:00; the last days begin on 2 February at 18:00: six hours of them lost
        assertEquals(Optional.of(paris("2027-02-06T00:00")),
                campaign.closingAfterOutage(paris("2027-02-02T12:00"), paris("2027-02-03T00:00"), LAST_DAYS));
    }

    @Test
    void anOutageOverTheClosingGivesTheLostTimeBackFromTheReturn() {
        // down the last two hours and the night after: back at 08:00 the next day, two hours from then
        assertEquals(Optional.of(paris("2027-02-06T10:00")),
                campaign.closingAfterOutage(paris("2027-02-05T16:00"), paris("2027-02-06T08:00"), LAST_DAYS));
    }

    @Test
    void theTimeLostIsRealTimeAcrossTheDaylightSavingChange() {
        // closes at midnight in Paris the night summer time begins (28 March 2027, 02:00 → 03:00); down from 01:30 to
        // 04:00 on the wall clock is 1 h 30 min of real time
        Campaign march = campaign("2027-03-01T09:00", "2027-03-29T00:00");
        Optional<Instant> closing = march.closingAfterOutage(paris("2027-03-28T01:30"), paris("2027-03-28T04:00"), LAST_DAYS);
        assertEquals(Optional.of(paris("2027-03-29T01:30")), closing);
        assertEquals(Optional.of(Instant.parse("2027-03-28T23:30:00Z")), closing);
    }

    @Test
    void anExtendedCampaignIsGracedFromItsNewClosing() {
        campaign.extend(paris("2027-02-08T18:00"), "Prolongée par la DPE.", "id", "Claire Durand", null, Instant.now());
        assertEquals(Optional.of(paris("2027-02-08T19:00")),
                campaign.closingAfterOutage(paris("2027-02-07T10:00"), paris("2027-02-07T11:00"), LAST_DAYS));
        assertEquals(Optional.empty(),
                campaign.closingAfterOutage(paris("2027-02-04T10:00"), paris("2027-02-04T11:00"), LAST_DAYS),
                "no longer in its last days");
    }

    private static Instant paris(String local) {
        return LocalDateTime.parse(local).atZone(FrenchDates.PARIS).toInstant();
    }

    private static Campaign campaign(String opens, String closes) {
        Campaign campaign = new Campaign();
        campaign.id = UUID.randomUUID();
        campaign.typeCode = "temps-partiel";
        campaign.code = "test";
        campaign.label = "Temps partiel 2027-2028";
        campaign.opensAt = paris(opens);
        campaign.closesAt = paris(closes);
        return campaign;
    }
}
