#!/usr/bin/env python3
"""Writes the timeline evaluation set for matching: jobs, freelancers, what happened between them,
and graded labels taken from those outcomes.

It simulates the outcome side of the market and nothing else: freelancers who browse and apply by
their own reading of a posting, recruiters who scout and screen by what a profile lists, clients who
interview and contract on a quality no profile shows. It never calls or copies Proxima's matcher; the
only thing shared with it is the skill names (canonical names of the taxonomy) and the file formats.

    python3 generate.py            # rewrites the .tsv files beside this script (fixed seed)
"""
import datetime as dt
import math
import os
import random

SEED = 20261206
START = dt.date(2024, 1, 1)
CUTOFF = dt.date(2025, 7, 1)  # jobs posted from here on form the TEST split
END = dt.date(2025, 12, 31)
FREELANCERS = 420
JOBS_PER_MONTH = 11

rnd = random.Random(SEED)
here = os.path.dirname(os.path.abspath(__file__))

# track: (title ja, core skills, adjacent skills, base budget 万円, typical description)
TRACKS = {
    "java": ("Javaバックエンドエンジニア", ["Java", "Spring Boot", "PostgreSQL", "SQL"],
             ["MyBatis", "Oracle Database", "AWS", "Docker", "Kotlin"], 68,
             "業務システムのサーバーサイド開発。基本設計から実装・テストまで担当。"),
    "front": ("フロントエンドエンジニア", ["TypeScript", "React", "JavaScript"],
              ["Next.js", "Redux", "Storybook", "HTML", "CSS", "Vue.js"], 65,
              "Webアプリケーションの画面開発。設計レビュー、コンポーネント設計を担当。"),
    "infra": ("AWSインフラエンジニア", ["AWS", "Terraform", "Linux"],
              ["Kubernetes", "Docker", "Ansible", "Prometheus", "AWS CloudFormation"], 72,
              "クラウド基盤の設計・構築・運用自動化。IaCによる環境構築。"),
    "go": ("Goバックエンドエンジニア", ["Go", "MySQL", "Docker"],
           ["gRPC", "Kubernetes", "Google Cloud", "PostgreSQL", "AWS"], 75,
           "マイクロサービスのAPI開発。性能改善、運用監視も担当。"),
    "data": ("データエンジニア", ["Python", "SQL", "BigQuery"],
             ["Airflow", "dbt", "Pandas", "Apache Spark", "Google Cloud"], 72,
             "データ基盤の構築とETL開発。分析チームと連携してデータマートを整備。"),
    "ml": ("機械学習エンジニア", ["Python", "PyTorch", "scikit-learn"],
           ["Pandas", "AWS", "Docker", "TensorFlow"], 80,
           "需要予測モデルの開発と本番運用。MLOps基盤の整備。"),
    "php": ("PHPエンジニア", ["PHP", "Laravel", "MySQL"],
            ["JavaScript", "AWS", "Docker", "Vue.js"], 60,
            "自社ECサイトの機能追加と保守。"),
    "dotnet": (".NETエンジニア", ["C#", ".NET", "SQL Server"],
               ["ASP.NET", "Microsoft Azure", "WPF"], 62,
               "業務アプリケーションの改修とAzure移行。"),
    "ios": ("iOSエンジニア", ["Swift", "iOS"], ["SwiftUI", "UIKit", "Objective-C"], 70,
            "toC向けiOSアプリの新機能開発。"),
    "android": ("Androidエンジニア", ["Kotlin", "Android"], ["Jetpack Compose", "Java"], 70,
                "toC向けAndroidアプリの新機能開発。"),
    "pmo": ("PMO", ["PMO", "Excel"], ["Jira", "Backlog"], 75,
            "大規模システム刷新プロジェクトの進捗・課題管理。"),
    "ruby": ("Railsエンジニア", ["Ruby", "Ruby on Rails", "MySQL"],
             ["AWS", "JavaScript", "Docker", "React"], 68,
             "SaaSプロダクトの機能開発。"),
}
NEIGHBOURS = {"java": ["android", "infra"], "front": ["php", "ruby"], "infra": ["go", "java"],
              "go": ["infra", "java"], "data": ["ml"], "ml": ["data"], "php": ["front", "ruby"],
              "dotnet": ["java"], "ios": ["android"], "android": ["ios", "java"], "pmo": ["java"],
              "ruby": ["php", "front"]}
TRACK_SHARE = {"java": 18, "front": 14, "infra": 11, "go": 7, "data": 7, "ml": 4, "php": 8,
               "dotnet": 7, "ios": 4, "android": 4, "pmo": 8, "ruby": 8}
AREAS = [("東京", 55), ("神奈川", 15), ("埼玉", 7), ("大阪", 10), ("福岡", 6), ("愛知", 7)]
FAMILY = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田"]


def weighted(pairs):
    total = sum(w for _, w in pairs)
    x = rnd.uniform(0, total)
    for v, w in pairs:
        x -= w
        if x <= 0:
            return v
    return pairs[-1][0]


def sigmoid(x):
    return 1 / (1 + math.exp(-x))


def day(d):
    return d.isoformat()


class Freelancer:
    def __init__(self, i):
        self.id = "P%03d" % i
        self.track = weighted(list(TRACK_SHARE.items()))
        self.second = rnd.choice(NEIGHBOURS[self.track]) if rnd.random() < 0.35 else None
        self.career = round(rnd.uniform(1.5, 20), 1)
        self.quality = rnd.gauss(0, 1)  # what clients find out in interviews, no profile shows it
        _, core, adjacent, base, _ = TRACKS[self.track]
        self.skills = {}  # the truth: skill -> years
        for s in core:
            if rnd.random() < 0.9:
                self.skills[s] = round(max(0.5, self.career * rnd.uniform(0.4, 1.0)), 1)
        for s in adjacent:
            if rnd.random() < 0.45:
                self.skills[s] = round(max(0.5, self.career * rnd.uniform(0.1, 0.6)), 1)
        if self.second:
            _, core2, adj2, _, _ = TRACKS[self.second]
            for s in core2 + adj2:
                if rnd.random() < 0.4:
                    self.skills.setdefault(s, round(max(0.5, self.career * rnd.uniform(0.1, 0.5)), 1))
        # What the profile lists: people leave skills out and often skip the years.
        self.listed = {}
        for s, y in self.skills.items():
            if rnd.random() < 0.8:
                self.listed[s] = y if rnd.random() < 0.75 else None
        if not self.listed:
            s = next(iter(self.skills), core[0])
            self.listed[s] = None
        self.ask = int(round(base - 12 + 2.2 * min(self.career, 15) + 5 * self.quality + rnd.gauss(0, 6)))
        self.ask = max(35, min(150, self.ask))
        self.days = weighted([(5, 70), (4, 15), (3, 15)])
        self.style = weighted([("REMOTE", 40), ("HYBRID", 42), ("ON_SITE", 18)])
        self.area = weighted(AREAS)
        self.sets_availability = rnd.random() < 0.8
        self.busy = []  # (from, to) contracts won in the simulation
        self.active_from = START + dt.timedelta(days=rnd.randint(-200, 500))

    def busy_on(self, d):
        return any(a <= d <= b for a, b in self.busy)

    def free_from(self, d):
        ends = [b for a, b in self.busy if a <= d <= b]
        return max(ends) + dt.timedelta(days=1) if ends else d


class Job:
    def __init__(self, i, posted):
        self.id = "Q%03d" % i
        self.posted = posted
        self.track = weighted(list(TRACK_SHARE.items()))
        title, core, adjacent, base, text = TRACKS[self.track]
        self.required = {}
        for s in rnd.sample(core, k=min(len(core), weighted([(1, 25), (2, 50), (3, 25)]))):
            self.required[s] = weighted([(None, 30), (1, 15), (2, 25), (3, 25), (5, 5)])
        self.preferred = {s: None for s in rnd.sample(adjacent, k=min(len(adjacent), rnd.randint(0, 3)))}
        if rnd.random() < 0.15:  # a skill from a neighbouring field, as real postings mix them
            other = TRACKS[rnd.choice(NEIGHBOURS[self.track])][1]
            self.preferred.setdefault(rnd.choice(other), None)
        senior = rnd.random() < 0.4
        top = base + (12 if senior else 0) + rnd.randint(-8, 10)
        self.rate = (top - rnd.choice([5, 10, 15, 20]), top)
        self.days = weighted([((5, 5), 65), ((3, 5), 20), ((4, 5), 15)])
        self.style = weighted([("REMOTE", 35), ("HYBRID", 45), ("ON_SITE", 20)])
        self.location = weighted([("東京", 75), ("大阪", 12), ("福岡", 5), ("愛知", 8)])
        self.start = posted + dt.timedelta(days=rnd.choice([0, 14, 30, 30, 45, 60]))
        self.positions = 2 if rnd.random() < 0.15 else 1
        self.title = "【%s】%s" % ("/".join(self.required), title)
        self.description = text + ("リモート可。" if self.style == "REMOTE" else "週2〜3日出社(%s)。" % self.location if self.style == "HYBRID" else "%s常駐。" % self.location)
        self.contract = rnd.choice(["QUASI_MANDATE", "QUASI_MANDATE", "CONTRACT_FOR_WORK"])


def coverage(f, job, truth=True):
    """Share of the required skills the freelancer has with enough years (truth) or lists."""
    skills = f.skills if truth else f.listed
    if not job.required:
        return 1.0
    got = 0.0
    for s, years in job.required.items():
        if s in skills:
            y = skills[s]
            if years is None or y is None or y >= years:
                got += 1
            elif y >= 0.6 * years:
                got += 0.6
            else:
                got += 0.3
    return got / len(job.required)


def preferred_share(f, job):
    return sum(1 for s in job.preferred if s in f.skills) / len(job.preferred) if job.preferred else 0.0


def style_ok(f, job):
    if job.style == "REMOTE":
        return 1.0
    near = f.area == job.location or (job.location == "東京" and f.area in ("神奈川", "埼玉"))
    if not near:
        return 0.1
    if job.style == "HYBRID":
        return 0.5 if f.style == "REMOTE" else 1.0
    return {"ON_SITE": 1.0, "HYBRID": 0.6, "REMOTE": 0.15}[f.style]


def main():
    freelancers = [Freelancer(i + 1) for i in range(FREELANCERS)]
    jobs = []
    month = START
    n = 0
    while month <= END:
        for _ in range(JOBS_PER_MONTH + rnd.randint(-3, 3)):
            n += 1
            posted = month + dt.timedelta(days=rnd.randint(0, 27))
            jobs.append(Job(n, posted))
        month = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    jobs.sort(key=lambda j: (j.posted, j.id))
    events = []  # (date, freelancer, job, kind)
    grades = {}

    for job in jobs:
        d = job.posted
        active = [f for f in freelancers if f.active_from <= d]
        busy_at_start = {f.id: f.busy_on(job.start) for f in active}
        # Freelancers find the posting by searching their own field.
        viewers = []
        for f in active:
            related = f.track == job.track or f.second == job.track
            p = 0.3 if related else 0.015
            if busy_at_start[f.id]:
                p *= 0.35  # the busy browse less
            if rnd.random() < p:
                viewers.append(f)
                events.append((d + dt.timedelta(days=rnd.randint(0, 6)), f.id, job.id, "VIEWED"))
        candidates = {}  # freelancer id -> (freelancer, how they came: APPLIED / SCOUT_ACCEPTED)
        for f in viewers:
            rate_ok = job.rate[1] >= f.ask * 0.95
            x = (-2.6 + 2.8 * coverage(f, job) + 0.8 * preferred_share(f, job)
                 + (1.0 if rate_ok else -1.2) + 1.6 * (style_ok(f, job) - 0.6)
                 + (-2.5 if busy_at_start[f.id] else 0.0) + (-0.8 if f.days < job.days[0] else 0.0)
                 + rnd.gauss(0, 0.8))
            if rnd.random() < sigmoid(x):
                candidates[f.id] = (f, "APPLIED")
                events.append((d + dt.timedelta(days=rnd.randint(1, 10)), f.id, job.id, "APPLIED"))
        # The recruiter scouts on what profiles list: required skills named, asking rate in reach.
        def recruiter_view(f):
            listed = coverage(f, job, truth=False)
            price = 0.0 if f.ask <= job.rate[1] else -(f.ask - job.rate[1]) / 10.0
            return listed * 2 + price + 0.3 * sum(1 for s in job.preferred if s in f.listed) + rnd.gauss(0, 0.6)
        pool = sorted((f for f in active if f.id not in candidates), key=recruiter_view, reverse=True)
        for f in pool[: rnd.randint(2, 7)]:
            events.append((d + dt.timedelta(days=rnd.randint(2, 12)), f.id, job.id, "SCOUTED"))
            accept = (0.15 if busy_at_start[f.id] else 0.65) * (1.0 if job.rate[1] >= f.ask * 0.9 else 0.35) * (0.4 + 0.6 * style_ok(f, job))
            if rnd.random() < accept:
                candidates[f.id] = (f, "SCOUT_ACCEPTED")
                events.append((d + dt.timedelta(days=rnd.randint(3, 14)), f.id, job.id, "SCOUT_ACCEPTED"))
            else:
                events.append((d + dt.timedelta(days=rnd.randint(3, 14)), f.id, job.id, "SCOUT_DECLINED"))
        # Screening reads the sheet (true experience), the price and the start.
        interviewed = []
        for fid, (f, how) in sorted(candidates.items()):
            grades[(job.id, fid)] = 1
            over = max(0.0, (f.ask - job.rate[1]) / job.rate[1])
            x = (-1.6 + 3.2 * coverage(f, job) + 0.6 * preferred_share(f, job) + 0.5 * f.quality
                 - 8.0 * over + (-1.5 if busy_at_start[f.id] else 0.0) + rnd.gauss(0, 0.7))
            if rnd.random() < sigmoid(x):
                interviewed.append(f)
                grades[(job.id, fid)] = 2
                events.append((d + dt.timedelta(days=rnd.randint(10, 20)), fid, job.id, "INTERVIEWED"))
            else:
                events.append((d + dt.timedelta(days=rnd.randint(8, 15)), fid, job.id, "REJECTED"))
        # The client decides in interview order; the positions fill.
        rnd.shuffle(interviewed)
        filled = 0
        for f in interviewed:
            if filled >= job.positions:
                break
            over = max(0.0, (f.ask - job.rate[1]) / job.rate[1])
            x = (-0.6 + 1.3 * f.quality + 1.2 * coverage(f, job) + 0.8 * (style_ok(f, job) - 0.5)
                 - 6.0 * over + (-0.8 if f.days < job.days[0] else 0.0) + rnd.gauss(0, 0.6))
            if rnd.random() < sigmoid(x) and not f.busy_on(job.start):
                filled += 1
                grades[(job.id, f.id)] = 3
                events.append((d + dt.timedelta(days=rnd.randint(20, 30)), f.id, job.id, "CONTRACTED"))
                f.busy.append((job.start, job.start + dt.timedelta(days=rnd.choice([90, 180, 180, 270, 365]))))

    def w(name, header, rows):
        with open(os.path.join(here, name), "w", encoding="utf-8") as out:
            out.write(header)
            for r in rows:
                out.write("\t".join("" if c is None else str(c) for c in r) + "\n")

    def skills(d):
        return ";".join("%s=%s" % (s, "" if y is None else y) for s, y in d.items())

    w("jobs.tsv",
      "# Generated by generate.py (seed %d). split: TRAIN = posted before %s, TEST = from then on.\n"
      "# id\tsplit\tposted\ttitle\tdescription\trequired\tpreferred\trate\tdays\tstyle\tlocation\tstart\tcontracts\n" % (SEED, CUTOFF),
      [(j.id, "TRAIN" if j.posted < CUTOFF else "TEST", day(j.posted), j.title, j.description,
        skills(j.required), skills(j.preferred), "%d-%d" % j.rate, "%d-%d" % j.days, j.style,
        j.location, day(j.start), j.contract) for j in jobs])
    w("freelancers.tsv",
      "# Generated by generate.py. Profiles as listed (not the simulation's hidden truth); rates 万円/month.\n"
      "# availability: SET if the freelancer keeps a live availability (busy periods below), NEVER otherwise.\n"
      "# joined: the day the profile was shared; it is ranked only for jobs posted from then on.\n"
      "# id\ttitle\tsummary\tskills\trate\tdays\tstyle\tlocations\tavailability\tjoined\n",
      [(f.id, TRACKS[f.track][0], "%s%s。経験%s年。" % (FAMILY[int(f.id[1:]) % len(FAMILY)] + "と申します。", TRACKS[f.track][4], int(f.career)),
        skills(f.listed), "%d-%d" % (f.ask, f.ask + rnd.choice([0, 5, 10])), f.days, f.style, f.area,
        "SET" if f.sets_availability else "NEVER", day(f.active_from)) for f in freelancers])
    w("engagements.tsv", "# freelancerId\tfrom\tto: periods a contract won in the simulation keeps the freelancer busy\n",
      sorted((f.id, day(a), day(b)) for f in freelancers for a, b in f.busy))
    events.sort(key=lambda e: (e[0], e[1], e[2], e[3]))
    w("events.tsv", "# date\tfreelancerId\tjobId\tVIEWED|APPLIED|SCOUTED|SCOUT_ACCEPTED|SCOUT_DECLINED|INTERVIEWED|REJECTED|CONTRACTED\n",
      [(day(e[0]), e[1], e[2], e[3]) for e in events])
    w("labels.tsv", "# jobId\tfreelancerId\tgrade: 3 contracted, 2 interviewed, 1 applied or accepted a scout but screened out; unlisted = 0\n",
      sorted((j, f, g) for (j, f), g in grades.items()))


if __name__ == "__main__":
    main()
