/**
 * The financing module's public face (002 三（二）（三）（四）): products and their review, the public catalogue,
 * needs read from plain Chinese, consent, matching both ways, orders with working-day due days, oversight.
 */
export * from './answer-order';
export * from './answer-times';
export * from './apply-to-product';
export * from './flag-green-channel';
export * from './list-needs';
export * from './list-orders';
export * from './list-products';
export * from './match-need';
export * from './parse-need';
export * from './post-need';
export * from './publish-product';
export * from './rate-order';
export * from './read-catalogue';
export * from './read-oversight';
export * from './read-statistics-facts';
export * from './register-loan';
export * from './report-outcome';
export * from './review-product';
export * from './set-consent';
export * from './sweep-overdue';
export * from './take-need';
