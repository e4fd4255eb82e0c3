package io.proxima.contracts.application;

import io.proxima.contracts.domain.Contract;

/** Renders the contract document (業務委託契約書) both sides sign. */
public interface ContractDocuments {

  byte[] render(Contract contract);
}
