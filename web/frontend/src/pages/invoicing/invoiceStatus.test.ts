import { describe, expect, it } from "vitest";
import {
  NO_FILTER,
  filterRows,
  normalizeRegistration,
  rowsOf,
  statusOf,
  toInvoice,
  tokyoToday,
  validRegistration,
  yen,
} from "./invoiceStatus";
import type { DossierView, InvoicePaymentsView, InvoiceView } from "./invoiceTypes";

function invoice(over: Partial<InvoiceView> = {}): InvoiceView {
  return {
    id: "i1",
    number: "INV-000001",
    kind: "INVOICE",
    issuerName: "株式会社プロキシマ",
    registrationNumber: "T7000012050002",
    recipientName: "株式会社サンプル商事",
    issueDate: "2026-11-30",
    lines: [],
    taxByRate: [],
    taxYen: 60_000,
    totalYen: 660_000,
    dueDate: "2026-12-31",
    ...over,
  };
}

function balance(invoiceId: string, receivedYen: number): InvoicePaymentsView {
  return {
    invoiceId,
    invoiceNumber: "",
    totalYen: 0,
    receivedYen,
    outstandingYen: 0,
    standing: "UNPAID",
    payments: [],
  };
}

describe("statusOf", () => {
  const i = invoice();
  it("is issued until the due date, then overdue while anything is owed", () => {
    expect(statusOf(i, 0, null, "2026-12-31")).toBe("ISSUED");
    expect(statusOf(i, 0, null, "2027-01-01")).toBe("OVERDUE");
    expect(statusOf(i, 100_000, null, "2026-12-01")).toBe("PARTLY_PAID");
    expect(statusOf(i, 100_000, null, "2027-01-05")).toBe("OVERDUE");
  });
  it("is paid once the total arrived, whatever the date", () => {
    expect(statusOf(i, 660_000, null, "2027-03-01")).toBe("PAID");
    expect(statusOf(i, 660_001, null, "2026-12-01")).toBe("OVERPAID");
  });
  it("puts a credit note above everything", () => {
    expect(statusOf(i, 0, "INV-000002", "2027-03-01")).toBe("CANCELLED");
    expect(statusOf(invoice({ kind: "CREDIT_NOTE", corrects: "INV-000001", totalYen: -660_000 }), 0, null, "2027-01-01")).toBe(
      "CREDIT_NOTE",
    );
  });
});

describe("rowsOf and filterRows", () => {
  const invoices = [
    invoice({ id: "a", number: "INV-000001", recipientName: "株式会社サンプル商事", totalYen: 110_000, dueDate: "2026-11-30", issueDate: "2026-10-31" }),
    invoice({ id: "b", number: "INV-000002", recipientName: "ＡＢＣ株式会社", totalYen: 220_000, dueDate: "2026-12-31" }),
    invoice({ id: "c", number: "INV-000003", recipientName: "株式会社サンプル商事", totalYen: 330_000, dueDate: "2027-01-31" }),
    invoice({ id: "d", number: "INV-000004", kind: "CREDIT_NOTE", corrects: "INV-000003", totalYen: -330_000, dueDate: null }),
  ];
  const rows = rowsOf(invoices, [balance("a", 10_000), balance("b", 220_000)], "2026-12-10");

  it("gives each invoice its balance, status and the credit note that cancels it", () => {
    expect(rows.map((r) => [r.invoice.number, r.status, r.outstandingYen])).toEqual([
      ["INV-000001", "OVERDUE", 100_000],
      ["INV-000002", "PAID", 0],
      ["INV-000003", "CANCELLED", 0],
      ["INV-000004", "CREDIT_NOTE", 0],
    ]);
    expect(rows[0].daysOverdue).toBe(10);
    expect(rows[2].cancelledBy).toBe("INV-000004");
  });

  it("filters by status, client (width and case folded), month and overdue", () => {
    expect(filterRows(rows, { ...NO_FILTER, status: "PAID" }).map((r) => r.invoice.id)).toEqual(["b"]);
    expect(filterRows(rows, { ...NO_FILTER, client: "abc" }).map((r) => r.invoice.id)).toEqual(["b"]);
    expect(filterRows(rows, { ...NO_FILTER, client: "サンプル" }).map((r) => r.invoice.id)).toEqual(["d", "c", "a"]);
    expect(filterRows(rows, { ...NO_FILTER, month: "2026-10" }).map((r) => r.invoice.id)).toEqual(["a"]);
    expect(filterRows(rows, { ...NO_FILTER, overdueOnly: true }).map((r) => r.invoice.id)).toEqual(["a"]);
  });

  it("sorts newest number first, or by the chosen key", () => {
    expect(filterRows(rows, NO_FILTER).map((r) => r.invoice.id)).toEqual(["d", "c", "b", "a"]);
    expect(filterRows(rows, { ...NO_FILTER, sort: "TOTAL" }).map((r) => r.invoice.id)).toEqual(["c", "b", "a", "d"]);
    expect(filterRows(rows, { ...NO_FILTER, sort: "OUTSTANDING" })[0].invoice.id).toBe("a");
    expect(filterRows(rows, { ...NO_FILTER, sort: "DUE_DATE" }).map((r) => r.invoice.id)).toEqual(["a", "b", "c", "d"]);
  });
});

describe("toInvoice", () => {
  const contract = (id: string, client: string) => ({
    id,
    status: "ACTIVE" as const,
    version: 3,
    terms: { title: "開発支援", clientName: client, freelancerName: "佐藤 花子", monthlyRateYen: 600_000, paymentDays: 30 },
  });
  const dossiers: DossierView[] = [
    {
      contract: contract("k1", "株式会社B"),
      timeReports: [
        { id: "r1", contractId: "k1", month: "2026-11", hours: 160, status: "APPROVED", version: 2 },
        { id: "r2", contractId: "k1", month: "2026-10", hours: 150, status: "INVOICED", invoiceId: "i9", version: 3 },
        { id: "r3", contractId: "k1", month: "2026-12", hours: 20, status: "SUBMITTED", version: 1 },
      ],
    },
    {
      contract: contract("k2", "株式会社A"),
      timeReports: [{ id: "r4", contractId: "k2", month: "2026-10", hours: 170, status: "APPROVED", version: 2 }],
    },
  ];
  it("lists approved months without an invoice, the longest waiting first", () => {
    expect(toInvoice(dossiers).map((t) => t.report.id)).toEqual(["r4", "r1"]);
  });
});

describe("formats and registration numbers", () => {
  it("writes yen as invoices do", () => {
    expect(yen(1_234_567)).toBe("¥1,234,567");
    expect(yen(-660_000)).toBe("-¥660,000");
  });
  it("checks the registration number's check digit as the tax agency defines it", () => {
    expect(validRegistration("T7000012050002")).toBe(true);
    expect(validRegistration("ｔ１１８０３０１０１８７７１")).toBe(true);
    expect(validRegistration("T1-1803-0101-8771")).toBe(true);
    expect(validRegistration("T2180301018771")).toBe(false);
    expect(validRegistration("1180301018771")).toBe(false);
    expect(normalizeRegistration("ｔ１１８０ ３０１０－１８７７１")).toBe("T1180301018771");
  });
  it("knows today in Tokyo, not in UTC", () => {
    expect(tokyoToday(new Date("2026-12-31T15:30:00Z"))).toBe("2027-01-01");
  });
});
