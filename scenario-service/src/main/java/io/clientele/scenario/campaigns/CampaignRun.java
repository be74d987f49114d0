package io.clientele.scenario.campaigns;

import io.clientele.scenario.campaigns.CampaignStore.Row;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * S-3: runs campaigns in the background, a few at once per instance: page after page from customer-service,
 * each applied in its own transaction, until the last. The caller's token lives only here, in memory, for as long
 * as the run: it is never written anywhere. So a run ends, with the reason on the campaign, when:
 * <ul>
 * <li>customer-service is down, slow or its breaker open: INTERRUPTED (resume later);</li>
 * <li>the token expired (401): INTERRUPTED (resume with a fresh one);</li>
 * <li>customer-service refuses for good (the group was deleted): FAILED;</li>
 * <li>the instance shuts down: INTERRUPTED; it dies: the campaign stays RUNNING until its lease runs out, then
 * reads as INTERRUPTED ({@link CampaignStore#interruptAbandoned});</li>
 * <li>a resume handed the campaign to a new run: this one finds its run token gone and stops.</li>
 * </ul>
 */
@Component
class CampaignRun implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CampaignRun.class);
    static final String RESUME = "; resume the campaign to continue where it stopped";

    private final Campaigns campaigns;
    private final CampaignStore store;
    private final CustomerDirectory directory;
    private final ExecutorService executor;
    private volatile boolean running;

    CampaignRun(Campaigns campaigns, CampaignStore store, CustomerDirectory directory,
            @Value("${clientele.scenario.campaigns.concurrent:2}") int concurrent) {
        this.campaigns = campaigns;
        this.store = store;
        this.directory = directory;
        this.executor = new ThreadPoolExecutor(concurrent, concurrent, 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(100), runnable -> {
                    Thread thread = new Thread(runnable, "campaign-run");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    void start(UUID workspaceId, Row campaign, String bearerToken) {
        try {
            executor.execute(() -> run(workspaceId, campaign.id(), campaign.runToken(), bearerToken));
        } catch (RejectedExecutionException busy) {
            campaigns.stop(workspaceId, campaign.id(), campaign.runToken(), "INTERRUPTED",
                    "too many campaigns at once on this instance" + RESUME);
        }
    }

    private void run(UUID workspaceId, UUID id, UUID runToken, String bearerToken) {
        try {
            while (true) {
                if (Thread.currentThread().isInterrupted() || !running) {
                    campaigns.stop(workspaceId, id, runToken, "INTERRUPTED", "the instance shut down" + RESUME);
                    return;
                }
                Row row = store.find(workspaceId, id).orElse(null);
                if (row == null || !row.state().equals("RUNNING") || !runToken.equals(row.runToken())) {
                    return;
                }
                CustomerDirectory.Page page = directory.page(CampaignSource.stored(row.groupId(), row.filter()),
                        row.cursor(), CustomerDirectory.PAGE_SIZE, bearerToken);
                if (!campaigns.applyPage(workspaceId, id, runToken, page) || page.nextCursor() == null) {
                    return;
                }
            }
        } catch (CustomerDirectory.Unavailable down) {
            campaigns.stop(workspaceId, id, runToken, "INTERRUPTED", down.getMessage() + RESUME);
        } catch (CustomerDirectory.Refused refused) {
            if (refused.status == 401) {
                campaigns.stop(workspaceId, id, runToken, "INTERRUPTED", "the caller's token expired" + RESUME);
            } else {
                campaigns.stop(workspaceId, id, runToken, "FAILED", "customer-service refused ("
                        + refused.status + "): " + refused.getMessage());
            }
        } catch (RuntimeException unexpected) {
            log.error("Campaign {} failed", id, unexpected);
            campaigns.stop(workspaceId, id, runToken, "INTERRUPTED", "unexpected failure: "
                    + unexpected.getClass().getSimpleName() + RESUME);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Runs in flight stop between pages (or in a call, interrupted) and record why; then the pool goes. */
    @Override
    public void stop() {
        running = false;
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
