package jp.yorisoi.functions.admin;

import jp.yorisoi.content.DynamoCatalogue;
import jp.yorisoi.municipality.MunicipalityStore;

/** What the content, calendar and preview routes work on: the towns and the content table. */
public record ContentStores(MunicipalityStore municipalities, DynamoCatalogue catalogue) {}
