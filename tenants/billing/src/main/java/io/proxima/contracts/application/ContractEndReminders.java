package io.proxima.contracts.application;

import io.proxima.contracts.domain.ContractRepository.Ending;
import io.proxima.platform.mail.OutgoingMail;
import io.proxima.platform.schedule.ClusterSchedules;
import io.proxima.platform.schedule.RunFailures;
import io.proxima.platform.tenancy.TenancyContext;
import io.proxima.tenancy.application.TenantContacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reminds a contract's people by mail that it is about to end ({@code
 * proxima.contracts.end-reminder-days} before, 30 by default): the tenant's administrators, who
 * renew or end it, and the freelancer. The cluster looks once every {@code
 * proxima.contracts.end-reminder-seconds} ({@link ClusterSchedules}); one mail per contract and end
 * date goes out even so, since a contract is marked before its mails leave, and a run in which no
 * mail could leave leaves it for the next.
 */
@ApplicationScoped
public class ContractEndReminders {

  private static final Logger LOG = Logger.getLogger(ContractEndReminders.class.getName());
  private static final String ACTOR = "system:contract-reminders";
  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  static final String SCHEDULE = "contract-end-reminders";

  private final ContractEndReminderLedger ledger;
  private final TenantContacts contacts;
  private final OutgoingMail mail;
  private final ClusterSchedules schedules;
  private final String portalBaseUrl;
  private final int daysBefore;
  private final long everySeconds;
  private final Clock clock = Clock.system(JAPAN);
  private final RunFailures failures = new RunFailures(LOG, "contract end reminders");

  protected ContractEndReminders() {
    this(null, null, null, null, "", 0, 0);
  }

  @Inject
  public ContractEndReminders(
      ContractEndReminderLedger ledger,
      TenantContacts contacts,
      OutgoingMail mail,
      ClusterSchedules schedules,
      @ConfigProperty(name = "proxima.portal.base-url") String portalBaseUrl,
      @ConfigProperty(name = "proxima.contracts.end-reminder-days", defaultValue = "30")
          int daysBefore,
      @ConfigProperty(name = "proxima.contracts.end-reminder-seconds", defaultValue = "3600")
          long everySeconds) {
    this.ledger = ledger;
    this.contacts = contacts;
    this.mail = mail;
    this.schedules = schedules;
    this.portalBaseUrl = portalBaseUrl.replaceAll("/+$", "");
    this.daysBefore = daysBefore;
    this.everySeconds = everySeconds;
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (everySeconds <= 0) {
      LOG.info("Contract end reminders disabled (proxima.contracts.end-reminder-seconds=0)");
      return;
    }
    schedules.every(SCHEDULE, Duration.ofSeconds(everySeconds), this::run);
  }

  void run() {
    try {
      int sent = remindDue();
      if (sent > 0) {
        LOG.info(() -> sent + " contract end reminders mailed");
      }
      failures.succeeded();
    } catch (RuntimeException e) {
      // A failed run must not cancel the schedule. Runs while the application still deploys fail
      // until its resources are bound: not worth a warning.
      failures.failed(e);
    }
  }

  /** One pass over the contracts due for a reminder; returns how many mails left. */
  public int remindDue() {
    LocalDate today = LocalDate.now(clock);
    List<Ending> due =
        TenancyContext.callIn(
            TenancyContext.platform(ACTOR), () -> ledger.due(today, today.plusDays(daysBefore)));
    int sent = 0;
    for (Ending contract : due) {
      try {
        sent += remind(contract, today);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "reminder for contract " + contract.contractId() + " failed", e);
      }
    }
    return sent;
  }

  private int remind(Ending contract, LocalDate today) {
    Optional<TenantContacts.Contacts> tenant =
        TenancyContext.callIn(
            TenancyContext.platform(ACTOR), () -> contacts.of(contract.tenantId()));
    if (tenant.isEmpty()) {
      return 0;
    }
    TenancyContext inTenant =
        TenancyContext.tenant(contract.tenantId(), tenant.get().slug(), ACTOR);
    boolean mine =
        TenancyContext.callIn(
            inTenant, () -> ledger.mark(contract.contractId(), contract.endDate()));
    if (!mine) {
      return 0;
    }
    List<String> reached = new ArrayList<>();
    String staffLink =
        portalBaseUrl + "/t/" + tenant.get().slug() + "/contracts/" + contract.contractId();
    for (TenantContacts.Recipient admin : tenant.get().administrators()) {
      send(contract, tenant.get(), admin, staffLink, true, today, reached);
    }
    Optional<TenantContacts.Recipient> freelancer =
        TenancyContext.callIn(
            TenancyContext.platform(ACTOR), () -> contacts.person(contract.freelancerSubject()));
    freelancer.ifPresent(
        person ->
            send(
                contract,
                tenant.get(),
                person,
                portalBaseUrl + "/contracts/" + contract.contractId(),
                false,
                today,
                reached));
    if (reached.isEmpty()) {
      TenancyContext.callIn(
          inTenant,
          () -> {
            ledger.unmark(contract.contractId(), contract.endDate());
            return null;
          });
      return 0;
    }
    TenancyContext.callIn(
        inTenant,
        () -> {
          ledger.reminded(contract, reached.size());
          return null;
        });
    return reached.size();
  }

  private void send(
      Ending contract,
      TenantContacts.Contacts tenant,
      TenantContacts.Recipient recipient,
      String link,
      boolean staff,
      LocalDate today,
      List<String> reached) {
    try {
      mail.send(ContractEndingMail.of(contract, tenant, recipient, link, staff, today));
      reached.add(recipient.email());
    } catch (OutgoingMail.MailNotSent e) {
      LOG.log(Level.FINE, "contract end reminder not sent", e);
    }
  }
}
