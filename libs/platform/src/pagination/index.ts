export * from './page';
export * from './page-query.dto';
export * from './paginate-raw';
export * from './paginate-sql';
export * from './ranked-search';
