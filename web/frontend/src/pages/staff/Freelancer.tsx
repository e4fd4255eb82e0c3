import { api } from "../../api";
import { defineMessages, formatDate, formatManYen, useLang, useT } from "@proxima/frontend-core/i18n";
import { Link } from "@proxima/frontend-core/router";
import type { BoardEntry } from "../../types";
import type { Profile } from "../apiTypes";
import { acquiredText, rateRange } from "../shared/format";
import { ENUM_LABELS } from "../shared/labels";
import { problemText } from "../shared/problems";
import { download, LoadState, NoticeLine, useAction, useLoad } from "../shared/ui";
import { phaseMessages } from "../freelancer/engagements";
import { boardEntryOf, chainText, periodText, skillSheetFileName, staffFreelancer, type StaffFreelancer } from "./freelancerProfile";

const messages = defineMessages({
  ja: {
    back: "空き状況ボードへ",
    recorded: "このプロフィールの閲覧とダウンロードは、ご本人の閲覧履歴と監査ログに記録されます。",
    download: "スキルシート（PDF）をダウンロード",
    downloaded: "スキルシートをダウンロードしました。",
    message: "メッセージを送る",
    scout: "スカウトする",
    availability: "稼働状況",
    AVAILABLE: "すぐに稼働可能",
    AVAILABLE_FROM: "{date} から稼働可能",
    UNAVAILABLE: "現在は稼働不可",
    noAvailability: "稼働状況は登録されていません。",
    days: "週{days}日・1日{hours}時間",
    note: "備考",
    updated: "最終更新",
    skills: "スキル",
    noSkills: "スキルは登録されていません。",
    years: "{years}年",
    career: "職務経歴",
    noCareer: "職務経歴は登録されていません。",
    team: "{size}名体制",
    chain: "商流：{chain}",
    phases: "担当工程：{phases}",
    ...phaseMessages.ja,
    education: "学歴",
    certifications: "資格",
    desired: "希望条件",
    desiredRate: "希望単価",
    desiredDays: "希望稼働日数",
    desiredDaysValue: "週{days}日",
    workStyle: "働き方",
    locations: "希望勤務地",
    startDate: "開始可能日",
    summary: "自己紹介",
    noName: "（氏名未登録）",
    noProfile: "この方はまだプロフィールを登録していません。スキル・職務経歴・スキルシートは、ご本人が登録するとここに表示されます。稼働状況の確認、メッセージ、スカウトは今すぐできます。",
    sharedSkills: "ボードに共有されているスキル",
  },
  en: {
    back: "Back to the availability board",
    recorded: "Opening this profile and downloading it are recorded in the freelancer's view history and the audit log.",
    download: "Download the skill sheet (PDF)",
    downloaded: "The skill sheet was downloaded.",
    message: "Send a message",
    scout: "Scout",
    availability: "Availability",
    AVAILABLE: "Available now",
    AVAILABLE_FROM: "Available from {date}",
    UNAVAILABLE: "Not available at the moment",
    noAvailability: "No availability shared.",
    days: "{days} days a week, {hours} h a day",
    note: "Note",
    updated: "Last updated",
    skills: "Skills",
    noSkills: "No skills listed.",
    years: "{years} yrs",
    career: "Career",
    noCareer: "No work history listed.",
    team: "team of {size}",
    chain: "Chain: {chain}",
    phases: "Phases: {phases}",
    ...phaseMessages.en,
    education: "Education",
    certifications: "Certifications",
    desired: "Desired conditions",
    desiredRate: "Rate",
    desiredDays: "Days a week",
    desiredDaysValue: "{days} days",
    workStyle: "Work style",
    locations: "Locations",
    startDate: "Can start",
    summary: "Summary",
    noName: "(no name given)",
    noProfile: "This freelancer has not filled in a profile yet. Skills, career and the skill sheet appear here once they do; their availability, messages and scouts are open now.",
    sharedSkills: "Skills shared on the board",
  },
});

/**
 * A freelancer's shared profile as staff see it: profile, skills, career, live availability, and
 * the skill sheet to download. The server records the view (and each download) for the freelancer.
 */
export function Freelancer({ params }: { params: Record<string, string> }) {
  const t = useT(messages);
  const enums = useT(ENUM_LABELS);
  const language = useLang();
  const id = params.freelancerId;
  const { loaded, reload } = useLoad<StaffFreelancer>(async (signal) => {
    const path = `/v1/freelancers/${encodeURIComponent(id)}/profile`;
    const [profile, entry] = await Promise.allSettled([api<Profile>(path, { signal }), boardEntryOf(id, signal)]);
    if (entry.status === "rejected") throw entry.reason;
    return staffFreelancer(profile, entry.value);
  }, [id]);
  const { busy, notice, run } = useAction();

  const downloadPdf = (name: string | null | undefined) =>
    run(
      async () => {
        await download(`/v1/freelancers/${encodeURIComponent(id)}/profile.pdf`, skillSheetFileName(name));
        return t("downloaded");
      },
      (e) => problemText(e, language),
    );

  return (
    <>
      <p>
        <Link to="/">← {t("back")}</Link>
      </p>
      <LoadState loaded={loaded} reload={reload} id="freelancer-load">
        {({ profile, entry }) => {
          if (!profile) {
            return (
              <article id="freelancer-profile" data-freelancer-id={id} data-profile="none">
                <h1 id="freelancer-name">{entry?.displayName || t("noName")}</h1>
                {entry?.title ? <p className="muted">{entry.title}</p> : null}
                <p className="explanation-box" id="freelancer-no-profile" role="status">
                  {t("noProfile")}
                </p>
                <p className="actions">
                  <Link to={"/messages/" + encodeURIComponent(id)}>{t("message")}</Link>{" "}
                  <Link to={"/scouts/to/" + encodeURIComponent(id)}>{t("scout")}</Link>
                </p>
                <AvailabilitySection entry={entry} />
                {entry?.skills?.length ? (
                  <section className="card" aria-labelledby="freelancer-skills">
                    <h2 id="freelancer-skills">{t("sharedSkills")}</h2>
                    <ul className="tags" id="freelancer-skill-list">
                      {entry.skills.map((skill) => (
                        <li key={skill} className="tag">
                          {skill}
                        </li>
                      ))}
                    </ul>
                  </section>
                ) : null}
              </article>
            );
          }
          const desired = profile.desired;
          const desiredRate = rateRange(language, desired?.monthlyRateMinYen, desired?.monthlyRateMaxYen);
          return (
            <article id="freelancer-profile" data-freelancer-id={id}>
              <h1 id="freelancer-name">{profile.name || entry?.displayName || t("noName")}</h1>
              {profile.title ? <p className="muted">{profile.title}</p> : null}
              <p className="muted">{t("recorded")}</p>
              <p className="actions">
                <button
                  type="button"
                  className="button"
                  id="download-skill-sheet"
                  disabled={busy}
                  onClick={() => void downloadPdf(profile.name)}
                >
                  {t("download")}
                </button>{" "}
                <Link to={"/messages/" + encodeURIComponent(id)}>{t("message")}</Link>{" "}
                <Link to={"/scouts/to/" + encodeURIComponent(id)}>{t("scout")}</Link>
              </p>
              <NoticeLine notice={notice} id="freelancer-notice" />

              <AvailabilitySection entry={entry} />

              {profile.summary ? (
                <section className="card" aria-labelledby="freelancer-summary">
                  <h2 id="freelancer-summary">{t("summary")}</h2>
                  <p style={{ whiteSpace: "pre-wrap" }}>{profile.summary}</p>
                </section>
              ) : null}

              <section className="card" aria-labelledby="freelancer-skills">
                <h2 id="freelancer-skills">{t("skills")}</h2>
                {profile.skills.length ? (
                  <ul className="tags" id="freelancer-skill-list">
                    {profile.skills.map((skill) => (
                      <li key={skill.name} className="tag">
                        {skill.name}
                        {skill.years != null ? ` · ${t("years", { years: skill.years })}` : ""}
                        {skill.level ? ` · ${enums(skill.level)}` : ""}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">{t("noSkills")}</p>
                )}
              </section>

              <section className="card" aria-labelledby="freelancer-career">
                <h2 id="freelancer-career">{t("career")}</h2>
                {profile.workHistory.length ? (
                  <ol className="plain" id="freelancer-work-history">
                    {profile.workHistory.map((work, i) => (
                      <li key={i}>
                        <h3>
                          {[work.company, work.project, work.role].filter(Boolean).join(" · ")}
                        </h3>
                        <p className="muted">
                          {periodText(language, work.period)}
                          {work.teamSize ? ` · ${t("team", { size: work.teamSize })}` : ""}
                        </p>
                        {work.via?.length ? <p className="muted">{t("chain", { chain: chainText(work.via, work.company) })}</p> : null}
                        {work.phases?.length ? (
                          <p className="muted">{t("phases", { phases: work.phases.map((phase) => t(phase)).join(language === "ja" ? "・" : ", ") })}</p>
                        ) : null}
                        {work.technologies.length ? (
                          <ul className="tags">
                            {work.technologies.map((tech) => (
                              <li key={tech} className="tag">
                                {tech}
                              </li>
                            ))}
                          </ul>
                        ) : null}
                        {work.description ? <p style={{ whiteSpace: "pre-wrap" }}>{work.description}</p> : null}
                      </li>
                    ))}
                  </ol>
                ) : (
                  <p className="muted">{t("noCareer")}</p>
                )}
                {profile.education.length ? (
                  <>
                    <h3>{t("education")}</h3>
                    <ul>
                      {profile.education.map((school, i) => (
                        <li key={i}>
                          {school.school}
                          {school.degree ? ` · ${school.degree}` : ""}
                          {school.field ? ` · ${school.field}` : ""}
                          {school.period ? ` (${periodText(language, school.period)})` : ""}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
                {profile.certifications.length ? (
                  <>
                    <h3>{t("certifications")}</h3>
                    <ul>
                      {profile.certifications.map((certification, i) => (
                        <li key={i}>
                          {certification.name}
                          {certification.acquired ? ` (${acquiredText(language, certification.acquired)})` : ""}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </section>

              <section className="card" aria-labelledby="freelancer-desired">
                <h2 id="freelancer-desired">{t("desired")}</h2>
                <dl className="explain">
                  {desiredRate ? (
                    <div>
                      <dt>{t("desiredRate")}</dt>
                      <dd>{desiredRate}</dd>
                    </div>
                  ) : null}
                  {desired?.daysPerWeek ? (
                    <div>
                      <dt>{t("desiredDays")}</dt>
                      <dd>{t("desiredDaysValue", { days: desired.daysPerWeek })}</dd>
                    </div>
                  ) : null}
                  {desired?.workStyle ? (
                    <div>
                      <dt>{t("workStyle")}</dt>
                      <dd>{enums(desired.workStyle)}</dd>
                    </div>
                  ) : null}
                  {desired?.locations?.length ? (
                    <div>
                      <dt>{t("locations")}</dt>
                      <dd>{desired.locations.join("、")}</dd>
                    </div>
                  ) : null}
                  {desired?.startDate ? (
                    <div>
                      <dt>{t("startDate")}</dt>
                      <dd>{formatDate(language, desired.startDate)}</dd>
                    </div>
                  ) : null}
                </dl>
              </section>
            </article>
          );
        }}
      </LoadState>
    </>
  );
}

/** The freelancer's live availability as this tenant's board holds it. */
function AvailabilitySection({ entry }: { entry: BoardEntry | null }) {
  const t = useT(messages);
  const enums = useT(ENUM_LABELS);
  const language = useLang();
  const availability = entry?.availability ?? null;
  return (
    <section className="card" aria-labelledby="freelancer-availability">
      <h2 id="freelancer-availability">{t("availability")}</h2>
      {availability ? (
        <dl className="explain">
          <div>
            <dt>{t("availability")}</dt>
            <dd id="freelancer-status">
              {t(availability.status, { date: formatDate(language, availability.availableFrom) })}
            </dd>
          </div>
          <div>
            <dt>{t("workStyle")}</dt>
            <dd>
              {enums(availability.workStyle)} ·{" "}
              {t("days", { days: availability.daysPerWeek, hours: availability.hoursPerDay })}
            </dd>
          </div>
          {availability.rate ? (
            <div>
              <dt>{t("desiredRate")}</dt>
              <dd>{formatManYen(language, availability.rate.minManYen, availability.rate.maxManYen)}</dd>
            </div>
          ) : null}
          {availability.note ? (
            <div>
              <dt>{t("note")}</dt>
              <dd style={{ whiteSpace: "pre-wrap" }}>{availability.note}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t("updated")}</dt>
            <dd>{formatDate(language, availability.updatedAt)}</dd>
          </div>
        </dl>
      ) : (
        <p className="muted">{t("noAvailability")}</p>
      )}
    </section>
  );
}
