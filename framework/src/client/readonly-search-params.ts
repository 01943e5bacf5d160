/** `useSearchParams()` returns this: reading works, changing throws with the fix. */
export class ReadonlyURLSearchParams extends URLSearchParams {
  override append(): never {
    throw readonlyError();
  }
  override delete(): never {
    throw readonlyError();
  }
  override set(): never {
    throw readonlyError();
  }
  override sort(): never {
    throw readonlyError();
  }
}

function readonlyError(): Error {
  return new Error('The search params from useSearchParams() are read-only. Copy them (new URLSearchParams(searchParams)), change the copy, and navigate with router.push(`?${copy}`).');
}
