package io.proxima.contracts.domain;

/** A short paid trial (お試し契約) that converts into a main contract, or the main contract itself. */
public enum ContractKind {
  TRIAL,
  MAIN
}
