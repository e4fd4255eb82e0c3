import { useState, type FormEvent } from "react";
import { api } from "../../api";
import { defineMessages, formatDate, formatMonth, useLang, useT } from "@proxima/frontend-core/i18n";
import { Link, navigate } from "@proxima/frontend-core/router";
import { useSession } from "../../session";
import type { DossierView as ApplicationDossier, FreelancerView, JobView } from "../apiTypes";
import { problemText, serverErrors } from "../shared/problems";
import { LoadState, NoticeLine, useAction, useLoad } from "../shared/ui";
import {
  addDays,
  draftTerms,
  endingReminder,
  filterContracts,
  formOf,
  hasSigned,
  hoursText,
  termsOf,
  tokyoToday,
  yen,
  type ListFilter,
  type TermsField,
  type TermsForm,
} from "./contracts";
import { CONTRACT_LABELS, DocumentPreview, ReminderBanner, SettlementFigures, StatusBadge, TermsExplained, Timeline } from "./ContractParts";
import { PayoutAccountPanel } from "./PayoutAccountPanel";
import { TermsFields, TERMS_FIELD_MESSAGES } from "./TermsFields";
import { CONTRACT_STATUSES, type ContractDossier, type ContractView, type TimeReportView } from "./contractTypes";

const messages = defineMessages({
  ja: {
    title: "契約",
    intro: "フリーランスとの契約と、月ごとの稼働報告を管理します。契約は選考で「オファー」以降になった応募、または承諾されたスカウトから作成できます。",
    filter: "表示",
    all: "すべて",
    endingSoonFilter: "30日以内に終了",
    endingSoonBanner: "30日以内に終了する契約が{count}件あります。更新・終了・本契約への切り替えをご確認ください。",
    showEndingSoon: "該当の契約を表示",
    empty: "該当する契約はありません。",
    contract: "契約",
    freelancer: "フリーランス",
    kind: "種類",
    status: "状態",
    period: "期間",
    rate: "月額単価",
    endsIn: "残り{days}日",
    // new
    newTitle: "契約を作成",
    newIntro: "応募・案件の内容から条件を入力済みです。確認・修正して下書きを作成してください。作成後に契約書を確認し、署名を依頼します。",
    create: "下書きを作成",
    created: "契約の下書きを作成しました。",
    back: "契約一覧へ",
    // detail
    detailTitle: "{title}",
    withFreelancer: "{name} 様との{kind}",
    actions: "操作",
    send: "契約書を確定して署名を依頼",
    sent: "契約書を確定し、署名を依頼しました。",
    signClient: "発注者として署名する",
    signedClient: "発注者として署名しました。",
    waitingFreelancer: "フリーランスの署名を待っています。",
    waitingClient: "発注者の署名を待っています。",
    esignName: "発注者の署名者名",
    esignEmail: "署名者のメールアドレス",
    esign: "電子署名サービスで送付",
    esignSent: "電子署名サービスに送付しました（エンベロープ {id}）。",
    cancelReason: "取り下げ理由（任意）",
    cancel: "契約を取り下げる",
    cancelled: "契約を取り下げました。",
    renew: "更新条項により{months}か月更新する",
    renewed: "契約を更新しました。",
    end: "期間満了で契約を終了する",
    ended: "契約を終了しました。",
    terminateDay: "最終稼働日",
    terminateReason: "解約理由",
    terminate: "中途解約する",
    terminated: "契約を中途解約しました。",
    editTerms: "条件を修正する",
    revise: "修正を保存",
    revised: "契約条件を修正しました。",
    convertHeading: "本契約に切り替える",
    convertIntro: "お試し契約を終了し、同じ条件をもとに本契約の下書きを作成します。",
    convert: "本契約の下書きを作成",
    converted: "本契約の下書きを作成しました。",
    reportsHeading: "稼働報告",
    noReports: "まだ稼働報告はありません。フリーランスが月ごとの稼働時間を提出すると、ここで承認・差し戻しができます。",
    month: "対象月",
    hours: "稼働時間",
    perDay: "（{count}日分の日別入力）",
    hoursValue: "{hours}時間",
    approve: "承認する",
    approved: "{month}の稼働報告を承認しました。",
    rejectReason: "差し戻し理由（フリーランスに表示されます）",
    reject: "差し戻す",
    rejected: "{month}の稼働報告を差し戻しました。",
    sentBackWith: "差し戻し理由: {reason}",
    toInvoices: "請求書の作成へ",
    waitingReport: "フリーランスの提出待ちです。",
    remark: "フリーランスの備考: {remark}",
  },
  en: {
    title: "Contracts",
    intro: "Contracts with freelancers and their monthly time reports. Create a contract from an application at offer or later, or from an accepted scout.",
    filter: "Show",
    all: "All",
    endingSoonFilter: "Ending within 30 days",
    endingSoonBanner: "{count} contracts end within 30 days. Renew, end or convert them in time.",
    showEndingSoon: "Show them",
    empty: "No contracts here.",
    contract: "Contract",
    freelancer: "Freelancer",
    kind: "Kind",
    status: "Status",
    period: "Period",
    rate: "Monthly rate",
    endsIn: "{days} days left",
    newTitle: "New contract",
    newIntro: "Prefilled from the application and the job. Check the terms and create the draft; then review the document and ask for signatures.",
    create: "Create draft",
    created: "The draft contract is created.",
    back: "All contracts",
    detailTitle: "{title}",
    withFreelancer: "{kind} with {name}",
    actions: "Actions",
    send: "Fix the document and ask for signatures",
    sent: "The document is fixed and out for signature.",
    signClient: "Sign for the client",
    signedClient: "Signed for the client.",
    waitingFreelancer: "Waiting for the freelancer's signature.",
    waitingClient: "Waiting for the client's signature.",
    esignName: "Client signer's name",
    esignEmail: "Signer's e-mail",
    esign: "Send through e-signature",
    esignSent: "Sent for e-signature (envelope {id}).",
    cancelReason: "Reason (optional)",
    cancel: "Withdraw the contract",
    cancelled: "The contract is withdrawn.",
    renew: "Renew by {months} months",
    renewed: "The contract is renewed.",
    end: "End the contract (period over)",
    ended: "The contract has ended.",
    terminateDay: "Last working day",
    terminateReason: "Reason",
    terminate: "Terminate early",
    terminated: "The contract is terminated.",
    editTerms: "Change the terms",
    revise: "Save the terms",
    revised: "The terms are changed.",
    convertHeading: "Convert to a main contract",
    convertIntro: "Closes the trial and drafts the main contract from its terms.",
    convert: "Draft the main contract",
    converted: "The main contract is drafted.",
    reportsHeading: "Time reports",
    noReports: "No time reports yet. When the freelancer submits a month's hours, approve or send them back here.",
    month: "Month",
    hours: "Hours",
    perDay: " ({count} days entered)",
    hoursValue: "{hours} h",
    approve: "Approve",
    approved: "{month} approved.",
    rejectReason: "Reason (the freelancer sees it)",
    reject: "Send back",
    rejected: "{month} sent back.",
    sentBackWith: "Sent back: {reason}",
    toInvoices: "Go to invoices",
    waitingReport: "Waiting for the freelancer to submit.",
    remark: "Freelancer's remark: {remark}",
  },
});

/** `/contracts`: the tenant's contracts, filtered by status or "ending soon". */
export function StaffContracts() {
  const t = useT(messages);
  const label = useT(CONTRACT_LABELS);
  const language = useLang();
  const [filter, setFilter] = useState<ListFilter>("");
  const today = tokyoToday();
  const { loaded, reload } = useLoad((signal) => api<ContractView[]>("/v1/contracts?limit=200", { signal }), []);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <LoadState loaded={loaded} reload={reload}>
        {(contracts) => {
          const ending = filterContracts(contracts, "ENDING_SOON", today);
          const shown = filterContracts(contracts, filter, today);
          return (
            <>
              {ending.length > 0 ? (
                <p className="reminder" role="status" id="contracts-ending-banner">
                  {t("endingSoonBanner", { count: ending.length })}{" "}
                  <button type="button" className="button subtle" onClick={() => setFilter("ENDING_SOON")}>
                    {t("showEndingSoon")}
                  </button>
                </p>
              ) : null}
              <div className="toolbar card">
                <label className="field">
                  {t("filter")}
                  <select id="contracts-filter" value={filter} onChange={(e) => setFilter(e.target.value as ListFilter)}>
                    <option value="">{t("all")}</option>
                    <option value="ENDING_SOON">{t("endingSoonFilter")}</option>
                    {CONTRACT_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {label(s)}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              {shown.length === 0 ? (
                <p id="contracts-empty">{t("empty")}</p>
              ) : (
                <div className="table-wrap">
                  <table className="grid responsive" id="contracts-table">
                    <thead>
                      <tr>
                        <th scope="col">{t("contract")}</th>
                        <th scope="col">{t("freelancer")}</th>
                        <th scope="col">{t("kind")}</th>
                        <th scope="col">{t("status")}</th>
                        <th scope="col">{t("period")}</th>
                        <th scope="col">{t("rate")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {shown.map((c) => {
                        const reminder = endingReminder(c, today);
                        return (
                          <tr key={c.id} data-testid={"contract-row-" + c.id} data-status={c.status} className={reminder ? "ending-soon" : undefined}>
                            <td data-label={t("contract")}>
                              <Link to={"/contracts/" + encodeURIComponent(c.id)}>{c.terms.title}</Link>
                            </td>
                            <td data-label={t("freelancer")}>{c.terms.freelancerName}</td>
                            <td data-label={t("kind")}>
                              <span className={"badge " + c.kind}>{label(c.kind)}</span>
                            </td>
                            <td data-label={t("status")}>
                              <StatusBadge status={c.status} />
                            </td>
                            <td data-label={t("period")}>
                              {formatDate(language, c.terms.startDate)} – {formatDate(language, c.terms.endDate)}
                              {reminder ? <strong className="verdict-warn"> {t("endsIn", { days: Math.max(0, reminder.daysLeft) })}</strong> : null}
                            </td>
                            <td data-label={t("rate")} className="amount">
                              {yen(language, c.terms.monthlyRateYen)}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              )}
            </>
          );
        }}
      </LoadState>
    </>
  );
}

type Prefill = { form: TermsForm };

/**
 * `/contracts/new/:freelancerId/:jobId[/:applicationId]`: a contract drafted from an accepted
 * application or scout, its terms prefilled from the job and the rate the freelancer asked.
 */
export function NewContract({ params }: { params: Record<string, string> }) {
  const t = useT(messages);
  const session = useSession();
  const { freelancerId, jobId, applicationId } = params;
  const { loaded, reload } = useLoad<Prefill>(
    async (signal) => {
      const [job, freelancers, application] = await Promise.all([
        jobId && jobId !== "-" ? api<JobView>(`/v1/jobs/${encodeURIComponent(jobId)}`, { signal }).catch(() => null) : Promise.resolve(null),
        api<FreelancerView[]>("/v1/freelancers", { signal }).catch(() => [] as FreelancerView[]),
        applicationId ? api<ApplicationDossier>(`/v1/applications/${encodeURIComponent(applicationId)}`, { signal }) : Promise.resolve(null),
      ]);
      const freelancer = freelancers.find((f) => f.subject === freelancerId);
      return {
        form: draftTerms(
          "TRIAL",
          job?.details ?? null,
          { clientName: session.branding.displayName ?? "", freelancerName: freelancer?.displayName ?? "" },
          application?.application.proposedRateYen,
          tokyoToday(),
        ),
      };
    },
    [freelancerId, jobId, applicationId],
  );
  return (
    <>
      <p>
        <Link to="/contracts">{t("back")}</Link>
      </p>
      <h1>{t("newTitle")}</h1>
      <p className="muted">{t("newIntro")}</p>
      <LoadState loaded={loaded} reload={reload}>
        {(prefill) => <DraftForm initial={prefill.form} freelancerId={freelancerId} />}
      </LoadState>
    </>
  );
}

const TERMS_FIELDS: readonly TermsField[] = [
  "title",
  "description",
  "clientName",
  "freelancerName",
  "monthlyRateYen",
  "minHours",
  "maxHours",
  "paymentDays",
  "startDate",
  "endDate",
  "renewalMonths",
];

/** Terms errors from the form check or the server's problem, in the person's words. */
function useTermsErrors() {
  const fieldText = useT(TERMS_FIELD_MESSAGES);
  const language = useLang();
  const [errors, setErrors] = useState<Partial<Record<TermsField | "form", string>>>({});
  const check = (form: TermsForm) => {
    const result = termsOf(form);
    if ("errors" in result) {
      setErrors(Object.fromEntries(Object.entries(result.errors).map(([field, kind]) => [field, fieldText(kind!)])));
      return null;
    }
    setErrors({});
    return result.terms;
  };
  const refused = (e: unknown) =>
    setErrors(serverErrors(e, language, TERMS_FIELDS, [[/settlement range|min ≤ max/, "maxHours"], [/trial/, "endDate"]]));
  return { errors, check, refused };
}

function DraftForm({ initial, freelancerId }: { initial: TermsForm; freelancerId: string }) {
  const t = useT(messages);
  const [form, setForm] = useState(initial);
  const [busy, setBusy] = useState(false);
  const { errors, check, refused } = useTermsErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const terms = check(form);
    if (!terms) return;
    setBusy(true);
    try {
      const dossier = await api<ContractDossier>("/v1/contracts", { method: "POST", body: { freelancerId, kind: form.kind, terms } });
      navigate("/contracts/" + encodeURIComponent(dossier.contract.id));
    } catch (e) {
      refused(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card" id="contract-form" onSubmit={submit} noValidate>
      <TermsFields formId="contract-form" form={form} errors={errors} onChange={setForm} chooseKind />
      {errors.form ? (
        <p className="error form-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="button accent" id="create-contract" disabled={busy}>
          {t("create")}
        </button>
      </div>
    </form>
  );
}

/** `/contracts/:contractId`: terms, document, timeline, the next steps, and the time reports. */
export function StaffContract({ params }: { params: Record<string, string> }) {
  const t = useT(messages);
  const label = useT(CONTRACT_LABELS);
  const id = params.contractId;
  const base = `/v1/contracts/${encodeURIComponent(id)}`;
  const { loaded, reload, set } = useLoad((signal) => api<ContractDossier>(base, { signal }), [id]);
  const today = tokyoToday();
  return (
    <>
      <p>
        <Link to="/contracts">{t("back")}</Link>
      </p>
      <LoadState loaded={loaded} reload={reload}>
        {(dossier) => {
          const c = dossier.contract;
          return (
            <>
              <div className="page-head">
                <div>
                  <h1 style={{ marginBottom: 4 }}>{t("detailTitle", { title: c.terms.title })}</h1>
                  <p className="muted" style={{ margin: 0 }}>
                    {t("withFreelancer", { name: c.terms.freelancerName, kind: label(c.kind) })}{" "}
                    <span id="contract-status" data-status={c.status}>
                      <StatusBadge status={c.status} />
                    </span>
                  </p>
                </div>
              </div>
              <ReminderBanner reminder={endingReminder(c, today)} endDate={c.terms.endDate} renewalMonths={c.terms.renewalMonths ?? 0} id="contract-reminder" />
              <Actions dossier={dossier} base={base} onChanged={set} />
              <TermsExplained terms={c.terms} kind={c.kind} audience="staff" />
              {c.status === "ACTIVE" || c.status === "ENDED" || c.status === "TERMINATED" ? (
                <PayoutAccountPanel freelancerId={c.freelancerId} />
              ) : null}
              <DocumentPreview path={base + "/document.pdf"} fileName={`contract-${c.id}.pdf`} draft={c.status === "DRAFT"} version={c.version} />
              <Timeline dossier={dossier} />
              <Reports dossier={dossier} base={base} onChanged={reload} />
            </>
          );
        }}
      </LoadState>
    </>
  );
}

function Actions({ dossier, base, onChanged }: { dossier: ContractDossier; base: string; onChanged: (d: ContractDossier) => void }) {
  const t = useT(messages);
  const label = useT(CONTRACT_LABELS);
  const language = useLang();
  const action = useAction();
  const c = dossier.contract;
  const [reason, setReason] = useState("");
  const [signer, setSigner] = useState({ name: "", email: "" });
  const [lastDay, setLastDay] = useState(tokyoToday() < c.terms.endDate ? tokyoToday() : c.terms.endDate);
  const [converting, setConverting] = useState(false);
  const [revising, setRevising] = useState(false);
  const post = (path: string, body: unknown, done: string) =>
    void action.run(
      async () => {
        onChanged(await api<ContractDossier>(base + path, { method: "POST", body }));
        return done;
      },
      (e) => problemText(e, language),
    );
  const today = tokyoToday();
  const renewal = c.terms.renewalMonths ?? 0;
  return (
    <section className="card" aria-labelledby="actions-heading" id="contract-actions">
      <h2 id="actions-heading">{t("actions")}</h2>
      <NoticeLine notice={action.notice} id="contract-notice" />
      {c.status === "DRAFT" ? (
        <>
          <div className="actions">
            <button type="button" className="button accent" id="send-contract" disabled={action.busy} onClick={() => post("/send", { expectedVersion: c.version }, t("sent"))}>
              {t("send")}
            </button>
            <button type="button" className="button subtle" id="open-revise" aria-expanded={revising} onClick={() => setRevising(!revising)}>
              {t("editTerms")}
            </button>
          </div>
          {revising ? (
            <ReviseForm
              key={c.version}
              contract={c}
              base={base}
              onRevised={(d) => {
                setRevising(false);
                onChanged(d);
                action.setNotice({ text: t("revised") });
              }}
            />
          ) : null}
        </>
      ) : null}
      {c.status === "AWAITING_SIGNATURES" ? (
        <>
          <div className="actions">
            {hasSigned(c, "CLIENT") ? (
              <p className="muted">{t("waitingFreelancer")}</p>
            ) : (
              <button
                type="button"
                className="button accent"
                id="sign-contract"
                disabled={action.busy}
                onClick={() => post("/sign", { documentSha256: c.documentSha256 }, t("signedClient"))}
              >
                {t("signClient")}
              </button>
            )}
            {hasSigned(c, "CLIENT") || !hasSigned(c, "FREELANCER") ? null : <p className="muted">{t("waitingClient")}</p>}
          </div>
          {hasSigned(c, "CLIENT") ? null : (
            <form
              className="actions"
              onSubmit={(e) => {
                e.preventDefault();
                void action.run(
                  async () => {
                    const answer = await api<{ envelopeId: string }>(base + "/e-signature", {
                      method: "POST",
                      body: { clientSignerName: signer.name, clientSignerEmail: signer.email },
                    });
                    return t("esignSent", { id: answer.envelopeId });
                  },
                  (e) => problemText(e, language),
                );
              }}
            >
              <label className="field">
                {t("esignName")}
                <input id="esign-name" value={signer.name} maxLength={200} onChange={(e) => setSigner({ ...signer, name: e.target.value })} />
              </label>
              <label className="field">
                {t("esignEmail")}
                <input id="esign-email" type="email" value={signer.email} maxLength={320} onChange={(e) => setSigner({ ...signer, email: e.target.value })} />
              </label>
              <button type="submit" className="button subtle" disabled={action.busy || !signer.name.trim() || !signer.email.trim()}>
                {t("esign")}
              </button>
            </form>
          )}
        </>
      ) : null}
      {c.status === "DRAFT" || c.status === "AWAITING_SIGNATURES" ? (
        <form
          className="actions"
          onSubmit={(e) => {
            e.preventDefault();
            post("/cancel", { reason: reason.trim() || null, expectedVersion: c.version }, t("cancelled"));
          }}
        >
          <label className="field" style={{ flex: 1 }}>
            {t("cancelReason")}
            <input id="cancel-reason" maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="submit" className="button danger" disabled={action.busy}>
            {t("cancel")}
          </button>
        </form>
      ) : null}
      {c.status === "ACTIVE" ? (
        <>
          <div className="actions">
            {c.kind === "MAIN" && renewal > 0 ? (
              <button type="button" className="button" id="renew-contract" disabled={action.busy} onClick={() => post("/renew", { expectedVersion: c.version }, t("renewed"))}>
                {t("renew", { months: renewal })}
              </button>
            ) : null}
            {c.terms.endDate < today ? (
              <button type="button" className="button" id="end-contract" disabled={action.busy} onClick={() => post("/end", { expectedVersion: c.version }, t("ended"))}>
                {t("end")}
              </button>
            ) : null}
            {c.kind === "TRIAL" ? (
              <button type="button" className="button accent" id="open-convert" aria-expanded={converting} onClick={() => setConverting(!converting)}>
                {t("convertHeading")}
              </button>
            ) : null}
          </div>
          <form
            className="actions"
            onSubmit={(e) => {
              e.preventDefault();
              post("/terminate", { lastDay, reason: reason.trim(), expectedVersion: c.version }, t("terminated"));
            }}
          >
            <label className="field">
              {t("terminateDay")}
              <input id="terminate-day" type="date" value={lastDay} min={c.terms.startDate} max={c.terms.endDate} onChange={(e) => setLastDay(e.target.value)} />
            </label>
            <label className="field" style={{ flex: 1 }}>
              {t("terminateReason")}
              <input id="terminate-reason" maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
            </label>
            <button type="submit" className="button danger" disabled={action.busy || !reason.trim()}>
              {t("terminate")}
            </button>
          </form>
          {converting ? <ConvertForm contract={c} base={base} /> : null}
        </>
      ) : null}
      {c.trialOf ? (
        <p>
          <Link to={"/contracts/" + encodeURIComponent(c.trialOf)}>{label("TRIAL")}</Link>
        </p>
      ) : null}
    </section>
  );
}

function ReviseForm({ contract, base, onRevised }: { contract: ContractView; base: string; onRevised: (d: ContractDossier) => void }) {
  const t = useT(messages);
  const [form, setForm] = useState(formOf(contract.kind, contract.terms));
  const [busy, setBusy] = useState(false);
  const { errors, check, refused } = useTermsErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const terms = check(form);
    if (!terms) return;
    setBusy(true);
    try {
      onRevised(await api<ContractDossier>(base + "/terms", { method: "PUT", body: { terms, expectedVersion: contract.version } }));
    } catch (e) {
      refused(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card" id="revise-form" onSubmit={submit} noValidate>
      <TermsFields formId="revise-form" form={form} errors={errors} onChange={setForm} chooseKind={false} />
      {errors.form ? (
        <p className="error form-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <button type="submit" className="button accent" id="revise-contract" disabled={busy}>
        {t("revise")}
      </button>
    </form>
  );
}

function ConvertForm({ contract, base }: { contract: ContractView; base: string }) {
  const t = useT(messages);
  const [form, setForm] = useState(formOf("MAIN", contract.terms, addDays(contract.terms.endDate, 1)));
  const [busy, setBusy] = useState(false);
  const { errors, check, refused } = useTermsErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const terms = check(form);
    if (!terms) return;
    setBusy(true);
    try {
      const main = await api<ContractDossier>(base + "/convert", { method: "POST", body: { terms, expectedVersion: contract.version } });
      navigate("/contracts/" + encodeURIComponent(main.contract.id));
    } catch (e) {
      refused(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card" id="convert-form" onSubmit={submit} noValidate aria-labelledby="convert-heading">
      <h3 id="convert-heading">{t("convertHeading")}</h3>
      <p className="muted">{t("convertIntro")}</p>
      <TermsFields formId="convert-form" form={form} errors={errors} onChange={setForm} chooseKind={false} />
      {errors.form ? (
        <p className="error form-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <button type="submit" className="button accent" id="convert-contract" disabled={busy}>
        {t("convert")}
      </button>
    </form>
  );
}

function Reports({ dossier, base, onChanged }: { dossier: ContractDossier; base: string; onChanged: () => void }) {
  const t = useT(messages);
  const language = useLang();
  const reports = [...dossier.timeReports].sort((a, b) => b.month.localeCompare(a.month));
  return (
    <section className="card" aria-labelledby="reports-heading" id="time-reports">
      <h2 id="reports-heading">{t("reportsHeading")}</h2>
      {reports.length === 0 ? <p className="muted">{t("noReports")}</p> : null}
      <ul className="plain stack">
        {reports.map((report) => (
          <li key={report.id} className="card" data-testid={"report-" + report.month} data-status={report.status}>
            <h3 style={{ marginTop: 0 }}>
              {formatMonth(language, report.month)} <StatusBadge status={report.status} />
            </h3>
            <p>
              {t("hours")}: <strong>{t("hoursValue", { hours: hoursText(report.hours) })}</strong>
              {report.days.length > 0 ? t("perDay", { count: report.days.length }) : null}
            </p>
            {report.remark ? <p data-testid={"remark-" + report.month}>{t("remark", { remark: report.remark })}</p> : null}
            {report.status === "REJECTED" && report.note ? <p className="sent-back">{t("sentBackWith", { reason: report.note })}</p> : null}
            {report.settlement ? <SettlementFigures settlement={report.settlement} id={"settlement-" + report.month} /> : null}
            <ReportActions report={report} base={base} onChanged={onChanged} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function ReportActions({ report, base, onChanged }: { report: TimeReportView; base: string; onChanged: () => void }) {
  const t = useT(messages);
  const language = useLang();
  const action = useAction();
  const [reason, setReason] = useState("");
  const month = formatMonth(language, report.month);
  const path = `${base}/time-reports/${report.month}`;
  const post = (to: string, body: unknown, done: string) =>
    void action.run(
      async () => {
        await api(path + to, { method: "POST", body });
        onChanged();
        return done;
      },
      (e) => problemText(e, language),
    );
  return (
    <>
      <NoticeLine notice={action.notice} />
      {report.status === "SUBMITTED" ? (
        <>
          <div className="actions">
            <button
              type="button"
              className="button accent"
              data-testid={"approve-" + report.month}
              disabled={action.busy}
              onClick={() => post("/approve", { expectedVersion: report.version }, t("approved", { month }))}
            >
              {t("approve")}
            </button>
          </div>
          <form
            className="actions"
            onSubmit={(e) => {
              e.preventDefault();
              post("/reject", { reason, expectedVersion: report.version }, t("rejected", { month }));
            }}
          >
            <label className="field" style={{ flex: 1 }}>
              {t("rejectReason")}
              <input data-testid={"reject-reason-" + report.month} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
            </label>
            <button type="submit" className="button danger" data-testid={"reject-" + report.month} disabled={action.busy || !reason.trim()}>
              {t("reject")}
            </button>
          </form>
        </>
      ) : null}
      {report.status === "DRAFT" || report.status === "REJECTED" ? <p className="muted">{t("waitingReport")}</p> : null}
      {report.status === "APPROVED" || report.status === "INVOICED" ? (
        <p>
          <Link to="/invoices" data-testid={"to-invoices-" + report.month}>
            {t("toInvoices")}
          </Link>
        </p>
      ) : null}
    </>
  );
}
