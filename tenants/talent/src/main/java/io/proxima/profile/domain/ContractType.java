package io.proxima.profile.domain;

/** The contract forms of the Japanese freelance IT market. */
public enum ContractType {
  /** 準委任 (業務委託): paid for the work done, the usual SES form. */
  QUASI_MANDATE,
  /** 請負: paid for a delivered result. */
  CONTRACT_FOR_WORK,
  /** 派遣: placed through a staffing licence. */
  DISPATCH
}
